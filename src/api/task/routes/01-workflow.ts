/** The task's workflow. The file name sorts before task.ts so these paths match before /tasks/:id. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('task');
