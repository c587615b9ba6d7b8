/** Scheduled jobs (Strapi cron): each one guards itself so that it runs on one instance at a time. */
import type { Core } from '@strapi/strapi';
import { runComplaintJob } from '../src/jobs/complaint-deadlines';
import { runCollectionJob } from '../src/jobs/collection-dunning';
import { runLateOrderMail } from '../src/jobs/late-order-mail';
import { runStaffDigest } from '../src/jobs/staff-digest';
import { runTaskJob } from '../src/jobs/task-deadlines';

/** The hour of the daily digest, a whole hour of the day (0–23) in the report time zone. */
const digestHour = (hour: number) => {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`STAFF_DIGEST_HOUR must be an hour from 0 to 23, not ${hour}`);
  return hour;
};

// Strapi also loads this file as a config file of its own (without arguments): hence the default.
export default (
  schedule: string,
  schedules: { collection: string; lateOrders: string; digestHour?: number; timeZone?: string } = {
    collection: '0 8 * * *',
    lateOrders: '0 8 * * *',
  }
) => ({
  complaintDeadlines: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const result = await runComplaintJob(strapi);
      if (result && (result.escalated || result.closed))
        strapi.log.info(`Complaints: ${result.escalated} escalated, ${result.closed} closed`);
    },
    options: { rule: schedule },
  },
  // Open tasks past their due day, to their assigners, on the same schedule.
  taskDeadlines: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const result = await runTaskJob(strapi);
      if (result?.escalated) strapi.log.info(`Tasks: ${result.escalated} escalated`);
    },
    options: { rule: schedule },
  },
  // Daily: credit holds follow items falling overdue, dunning reminders, the weekly overdue report.
  collection: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const result = await runCollectionJob(strapi);
      if (result)
        strapi.log.info(
          `Collection: ${result.credit.held} held, ${result.credit.released} released, ${result.reminders} reminders, ${result.report ? 'overdue report sent' : 'no report'}`
        );
    },
    options: { rule: schedules.collection },
  },
  // Daily: the late orders new since the last mail, to the order coordinators and CS supervisors.
  lateOrderMail: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const mailed = await runLateOrderMail(strapi);
      if (mailed?.length) strapi.log.info(`Late orders: ${mailed.length} new mailed`);
    },
    // In the report time zone: 08:00 is the department's morning wherever the server runs.
    options: { rule: schedules.lateOrders, tz: schedules.timeZone },
  },
  // Daily at STAFF_DIGEST_HOUR: each person's mails kept for their digest and their overdue work, in one mail.
  staffDigest: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const digested = await runStaffDigest(strapi);
      if (digested?.length) strapi.log.info(`Daily digest: ${digested.length} sent`);
    },
    options: { rule: `0 ${digestHour(schedules.digestHour ?? 8)} * * *`, tz: schedules.timeZone },
  },
});
