import type { Core } from '@strapi/strapi';
import { requireSecretList } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: requireSecretList(env, 'APP_KEYS') },
  // Nothing phones home: no update check at startup.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_LOG', true) },
    // error, warn, info, http (one line per request), verbose, debug
    config: { level: env('LOG_LEVEL', 'http') },
  },
  // Business settings read by our own code through strapi.config.get('server.business...').
  business: {
    reportTimeZone: env('REPORT_TIME_ZONE', 'Asia/Shanghai'),
  },
});
