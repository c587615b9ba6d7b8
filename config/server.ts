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
  // The e-mail outbox worker (src/notifications/worker.ts).
  notifications: {
    worker: env.bool('NOTIFICATION_WORKER', true),
    pollMs: env.int('NOTIFICATION_POLL_MS', 2000),
    batchSize: env.int('NOTIFICATION_BATCH_SIZE', 20),
    sendingTimeoutMs: env.int('NOTIFICATION_SENDING_TIMEOUT_MS', 300000),
    baseDelayMs: env.int('NOTIFICATION_RETRY_BASE_MS', 30000),
    maxDelayMs: env.int('NOTIFICATION_RETRY_MAX_MS', 3600000),
    maxAttempts: env.int('NOTIFICATION_MAX_ATTEMPTS', 10),
    messageIdDomain: env('MAIL_MESSAGE_ID_DOMAIN', (env('MAIL_FROM', 'cs@localhost').split('@')[1] ?? 'localhost').replace(/>$/, '')),
  },
});
