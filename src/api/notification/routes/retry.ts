/** POST /api/notifications/:documentId/retry: a failed notification back to pending. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('notification');
