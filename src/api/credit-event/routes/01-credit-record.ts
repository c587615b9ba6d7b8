/** GET /api/customers/:documentId/credit-record: a customer's credit record (信用记录), granted with reading credit events. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('credit-event');
