/**
 * The task job (on the complaint job's schedule, config/cron-tasks.ts), on one instance at a time:
 * an open task past the end of its due day is escalated by mail to its assigner, once per time the
 * assignee owes the work (a reopened task may be escalated again). `now` is a parameter so tests
 * move the clock, not sleep.
 */
import type { Core } from '@strapi/strapi';
import { OPEN_TASK_STATES } from '../domain/tasks';
import { metaOf } from '../platform/table-meta';
import { asTrustedWrite } from '../platform/trusted-write';
import { TASK } from '../platform/uids';
import { queueMailTo } from '../workflow-engine/workflow-service';
import { loadTask, taskWorkflow } from '../workflow-engine/task-workflow';
import { withJobLease } from './job-lease';

export const escalateOverdueTasks = async (strapi: Core.Strapi, now: Date): Promise<number> => {
  const overdue = await strapi.db.query(TASK).findMany({
    where: { dueAt: { $lt: now }, escalatedAt: { $null: true }, state: { $in: [...OPEN_TASK_STATES] } },
    select: ['documentId'],
  });
  const task = metaOf(strapi, TASK);
  let escalated = 0;
  for (const { documentId } of overdue) {
    await strapi.db.transaction(async ({ trx }) => {
      // Claimed by a conditional write as the transaction's first statement: whoever else escalated
      // it meanwhile (another instance) wins, and on SQLite a transaction that writes first waits for
      // the lock instead of failing to upgrade a read lock ("database is locked").
      const claimed = await trx(task.table)
        .where(task.column('documentId'), documentId)
        .whereNull(task.column('escalatedAt'))
        .update({ [task.column('escalatedAt')]: now.toISOString() });
      if (claimed === 0) return;
      // Stored again through the Query Engine, in the form it keeps dates in on each database.
      await asTrustedWrite(() => strapi.db.query(TASK).update({ where: { documentId }, data: { escalatedAt: now } }));
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
