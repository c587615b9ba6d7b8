/** GET /api/customers/:documentId/file: the customer file (客户档案), granted with reading customers. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('customer');
