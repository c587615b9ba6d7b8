import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';
import { requireSecretList } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: requireSecretList(env, 'APP_KEYS') },
  // Scheduled jobs (config/cron-tasks.ts); off in tests, which run them with a clock of their own.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
    tasks: cronTasks(env('COMPLAINT_JOB_SCHEDULE', '*/15 * * * *'), {
      collection: env('COLLECTION_JOB_SCHEDULE', '0 8 * * *'),
      lateOrders: env('LATE_ORDER_MAIL_SCHEDULE', '0 8 * * *'),
      digestHour: env.int('STAFF_DIGEST_HOUR', 8),
      timeZone: env('REPORT_TIME_ZONE', 'Asia/Shanghai'),
    }),
  },
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
    // Printed on delivery notes and statements; the bank account (both variables, or none) on statements only.
    company: {
      name: env('COMPANY_NAME', '示例机械制造有限公司 Example Machinery Co., Ltd.'),
      address: env('COMPANY_ADDRESS', '浙江省宁波市北仑区示例路 1 号 No. 1 Example Road, Beilun, Ningbo, Zhejiang'),
      bank:
        env('COMPANY_BANK_NAME') && env('COMPANY_BANK_ACCOUNT')
          ? { name: env('COMPANY_BANK_NAME'), account: env('COMPANY_BANK_ACCOUNT') }
          : null,
    },
    // Working days for deadlines: weekdays off (public holidays) and weekend days worked (调休), YYYY-MM-DD.
    workCalendar: { holidays: env.array('WORK_HOLIDAYS', []), workdays: env.array('WORK_WEEKEND_WORKDAYS', []) },
  },
  // The complaint workflow (src/domain/complaint-handling.ts, src/workflow-engine/complaint-*.ts).
  complaints: {
    closeWithoutFeedbackAfterDays: env.int('COMPLAINT_CLOSE_WITHOUT_FEEDBACK_DAYS', 14),
    reopenWithinDays: env.int('COMPLAINT_REOPEN_WITHIN_DAYS', 30),
    feedbackLinkDays: env.int('COMPLAINT_FEEDBACK_LINK_DAYS', 30),
    // Working days per state and severity, as JSON overriding the defaults, e.g. {"replying":{"minor":3,"major":2,"critical":1}}.
    deadlines: env.json('COMPLAINT_DEADLINES', {}),
  },
  // Collection (货款回收): src/cash-collection, src/domain/aging.ts.
  collection: {
    // Upper bounds, in days past due, of the aging buckets after "not due"; the last bucket is open-ended.
    agingBuckets: env.array('AGING_BUCKETS', ['30', '60', '90', '180']),
    // Days a statement's confirmation link works after it was sent (src/cash-collection/statements.ts).
    statementLinkDays: env.int('STATEMENT_LINK_DAYS', 30),
    // Credit control: an open item more than this many days past due puts the customer on hold.
    creditHoldOverdueDays: env.int('CREDIT_HOLD_OVERDUE_DAYS', 60),
    // Dunning (src/jobs/collection-dunning.ts): reminder levels in days past due; from which level
    // (1-based) the customer's contact is written too; roles copied on reminders besides the
    // salesperson; who gets the weekly overdue report, from which weekday (1 Monday … 7 Sunday).
    dunning: {
      levels: env.array('DUNNING_LEVELS', ['7', '30', '60']),
      customerFromLevel: env.int('DUNNING_CUSTOMER_FROM_LEVEL', 2),
      copyRoles: env.array('DUNNING_COPY_ROLES', []),
      reportRoles: env.array('OVERDUE_REPORT_ROLES', ['sales-manager']),
      reportWeekday: env.int('OVERDUE_REPORT_WEEKDAY', 1),
    },
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
    // Mail texts replacing the built-in ones (src/domain/notification-templates.ts), as JSON:
    // {"collection.dunning-customer":{"en":{"subject":"...","text":"...","html":"..."}}}; Mustache, same data.
    templateOverrides: env.json('MAIL_TEMPLATE_OVERRIDES', {}),
    messageIdDomain: env('MAIL_MESSAGE_ID_DOMAIN', (env('MAIL_FROM', 'cs@localhost').split('@')[1] ?? 'localhost').replace(/>$/, '')),
  },
});
