/**
 * The complaint job (every 15 minutes by default, COMPLAINT_JOB_SCHEDULE; config/cron-tasks.ts), on one
 * instance at a time: a complaint past the deadline of its state is flagged and escalated by mail
 * to the customer service supervisors, once per state entered; a replied complaint that has waited
 * long enough without feedback is closed. `now` is a parameter so tests move the clock, not sleep.
 */
import type { Core } from '@strapi/strapi';
import { notify } from '../platform/outbox';
import { closeBySystem } from '../workflow-engine/complaint-closing';
import { complaintPolicy, loadComplaint, mailData } from '../workflow-engine/complaint-workflow';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { claimEscalation } from './escalation-claim';
import { withJobLease } from './job-lease';
import { COMPLAINT } from '../platform/uids';

const DAY = 24 * 60 * 60 * 1000;
/** A complaint in these states has no deadline left to miss. */
const ENDED = ['closed', 'withdrawn'] as const;

export const escalateOverdue = async (strapi: Core.Strapi, now: Date): Promise<number> => {
  const overdue = await strapi.db.query(COMPLAINT).findMany({
    where: { dueAt: { $lt: now }, escalatedAt: { $null: true }, state: { $notIn: [...ENDED] } },
    select: ['documentId'],
  });
  let escalated = 0;
  for (const { documentId } of overdue) {
    await strapi.db.transaction(async ({ trx }) => {
      if (!(await claimEscalation(strapi, trx, COMPLAINT, documentId, { states: ENDED, within: 'notIn' }, now))) return;
      escalated += 1;
      const complaint = (await loadComplaint(strapi, documentId))!;
      const data = await mailData(strapi, complaint);
      for (const mailbox of await staffMailboxes(strapi, ['cs-supervisor'])) {
        await notify(strapi, {
          event: 'complaint.overdue',
          key: `complaint.overdue:${documentId}:${new Date(String(complaint.stateEnteredAt)).getTime()}:${mailbox.email}`,
          to: mailbox.email,
          template: 'complaint.overdue',
          locale: mailbox.language,
          data,
          record: { uid: COMPLAINT, documentId },
        });
      }
    });
  }
  return escalated;
};

export const closeQuietComplaints = async (strapi: Core.Strapi, now: Date): Promise<number> => {
  const days = complaintPolicy(strapi).closeWithoutFeedbackAfterDays;
  const quiet = await strapi.db.query(COMPLAINT).findMany({
    where: { state: 'replied', feedbackAt: { $null: true }, repliedAt: { $lte: new Date(now.getTime() - days * DAY) } },
    select: ['documentId'],
  });
  for (const { documentId } of quiet) await closeBySystem(strapi, documentId, `no feedback ${days} days after the reply`, now);
  return quiet.length;
};

/** One round of the job; null when another instance is running it. */
export const runComplaintJob = (strapi: Core.Strapi, now = new Date()) =>
  withJobLease(
    strapi,
    'complaint-deadlines',
    10 * 60 * 1000,
    async () => ({
      escalated: await escalateOverdue(strapi, now),
      closed: await closeQuietComplaints(strapi, now),
    }),
    now.getTime()
  );
