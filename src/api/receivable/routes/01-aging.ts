/**
 * The receivables' reports: the aging, and the payment progress of an order or a contract (they
 * come with reading receivables, not with reading the order). The file name sorts before
 * receivable.ts so /receivables/aging matches before the core /receivables/:id.
 */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('receivable');
