/**
 * The task job (on the complaint job's schedule, config/cron-tasks.ts), on one instance at a time:
 * an open task past the end of its due day is escalated by mail to its assigner, once per time the
 * assignee owes the work (a reopened task may be escalated again). `now` is a parameter so tests
 * move the clock, not sleep.
 */
import type { Core } from '@strapi/strapi';
import { OPEN_TASK_STATES } from '../domain/tasks';
import { TASK } from '../platform/uids';
import { queueMailTo } from '../workflow-engine/workflow-service';
import { loadTask, taskWorkflow } from '../workflow-engine/task-workflow';
import { claimEscalation } from './escalation-claim';
import { withJobLease } from './job-lease';

export const escalateOverdueTasks = async (strapi: Core.Strapi, now: Date): Promise<number> => {
  const overdue = await strapi.db.query(TASK).findMany({
    where: { dueAt: { $lt: now }, escalatedAt: { $null: true }, state: { $in: [...OPEN_TASK_STATES] } },
    select: ['documentId'],
  });
  let escalated = 0;
  for (const { documentId } of overdue) {
    await strapi.db.transaction(async ({ trx }) => {
      if (!(await claimEscalation(strapi, trx, TASK, documentId, { states: OPEN_TASK_STATES, within: 'in' }, now))) return;
      const record = (await loadTask(strapi, documentId))!;
      await queueMailTo(
        strapi,
        taskWorkflow,
        record,
        { template: 'task.overdue', to: { party: 'assigner' } },
        `overdue:${new Date(String(record.stateEnteredAt)).getTime()}`
      );
      escalated += 1;
    });
  }
  return escalated;
};

/** One round of the job; null when another instance is running it. */
export const runTaskJob = (strapi: Core.Strapi, now = new Date()) =>
  withJobLease(
    strapi,
    'task-deadlines',
    10 * 60 * 1000,
    async () => ({ escalated: await escalateOverdueTasks(strapi, now) }),
    now.getTime()
  );
