/** The order's workflow. The file name sorts before order.ts so these paths match before the core /orders/:id. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('order');
