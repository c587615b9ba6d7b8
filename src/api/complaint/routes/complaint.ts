import { factories } from '@strapi/strapi';

/** No delete: a complaint is withdrawn or closed through its workflow, never removed. */
export default factories.createCoreRouter('api::complaint.complaint', { except: ['delete'] });
