/** A product's availability (the stock check) and stock adjustments. Sorted before product.ts. */
import { restRoutes } from '../../../platform/rest-routes';

export default restRoutes('product');
