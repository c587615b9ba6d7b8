/** Allocating what is left on a payment, and reversing it (sales clerk). Sorted before payment.ts. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('payment');
