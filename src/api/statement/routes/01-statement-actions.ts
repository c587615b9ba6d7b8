/** The statement's documents, sending, and the customer's link. The file name sorts before statement.ts so these match before /statements/:id. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('statement');
