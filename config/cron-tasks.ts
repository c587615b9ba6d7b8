/** Scheduled jobs (Strapi cron): each one guards itself so that it runs on one instance at a time. */
import type { Core } from '@strapi/strapi';
import { runComplaintJob } from '../src/jobs/complaint-deadlines';

export default (schedule: string) => ({
  complaintDeadlines: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const result = await runComplaintJob(strapi);
      if (result && (result.escalated || result.closed)) strapi.log.info(`Complaints: ${result.escalated} escalated, ${result.closed} closed`);
    },
    options: { rule: schedule },
  },
});
