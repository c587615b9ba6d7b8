import { factories } from '@strapi/strapi';

/** No delete: a task is cancelled through its workflow, so what was asked of whom stays on record. */
export default factories.createCoreRouter('api::task.task', { except: ['delete'] });
