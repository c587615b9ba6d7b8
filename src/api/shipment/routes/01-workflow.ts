/** The shipment's workflow and delivery note. The file name sorts before shipment.ts so these match before /shipments/:id. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('shipment');
