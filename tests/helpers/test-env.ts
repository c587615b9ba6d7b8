/**
 * Environment of every test process: fixed, test-only secrets (never used elsewhere), quiet logs,
 * no demo data unless a test loads it, SQLite unless DATABASE_CLIENT=postgres was given.
 */
const testEnv: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  APP_KEYS: 'test-key-1,test-key-2',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  API_TOKEN_SALT: 'test-api-token-salt',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
  JWT_SECRET: 'test-jwt-secret',
  LOG_LEVEL: 'error',
  STARTUP_LOG: 'false',
  DEMO_DATA: 'false',
  NOTIFICATION_WORKER: 'false',
  CRON_ENABLED: 'false',
};
for (const [key, value] of Object.entries(testEnv)) process.env[key] = value;
process.env.DATABASE_CLIENT ??= 'sqlite';

export {};
