import type { Core } from '@strapi/strapi';
import { requireSecret } from './secrets';
import { noDelaySocket } from './smtp-socket';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Mail goes out through nodemailer over SMTP; in development to the local catcher (`npm run mail`).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        // Keep connections open and reuse them: one TCP and TLS handshake per batch, not per mail.
        pool: env.bool('SMTP_POOL', true),
        maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
        ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
        // Fail fast: the outbox retries later, a hanging connection only delays the others.
        connectionTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
        greetingTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
        socketTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
        // Each message sent without waiting for a delayed ACK (Nagle off): see smtp-socket.ts.
        getSocket: noDelaySocket,
      },
      settings: {
        defaultFrom: env('MAIL_FROM', 'Customer Service 客户服务部 <cs@localhost>'),
        defaultReplyTo: env('MAIL_REPLY_TO', env('MAIL_FROM', 'cs@localhost')),
      },
    },
  },
  // The sales and receivables dashboard (src/plugins/sales-dashboard, docs/dashboard.md).
  'sales-dashboard': { enabled: true, resolve: './src/plugins/sales-dashboard' },
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Staff accounts are created by administrators, never by self-registration.
      register: { allowedFields: [] },
    },
  },
});
