/** A record's custom REST routes, as src/domain/rest-endpoints.ts declares them (one routes file per record serves them). */
import type { RecordName } from '../domain/access-matrix';
import { REST_ENDPOINTS } from '../domain/rest-endpoints';

export const restRoutes = (record: RecordName) => ({
  routes: (REST_ENDPOINTS[record] ?? []).map(({ method, path, action, grantedWith }) => ({
    method,
    path,
    handler: `api::${record}.${record}.${action}`,
    config: grantedWith === 'public' ? { auth: false as const } : {},
  })),
});
