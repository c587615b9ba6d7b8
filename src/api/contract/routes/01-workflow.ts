/**
 * The contract's workflow and ledger. The file name sorts before contract.ts so that
 * /contracts/ledger is matched before the core /contracts/:id.
 */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('contract');
