/**
 * The complaint's workflow, statistics and the customer's feedback link. The file name sorts
 * before complaint.ts so these paths are matched before the core /complaints/:id.
 */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('complaint');
