/**
 * The task machine (src/domain/tasks.ts) bound to the stored task: the assignee and the assigner
 * it names are the only people who act on it; mail goes to the one who must act next, with the
 * comment of the step (what was done, why it was reopened or cancelled).
 */
import type { Core } from '@strapi/strapi';
import { TASK_PRIORITY_LABELS, TASK_STATE_LABELS, TaskPriority, TaskState, taskMachine } from '../domain/tasks';
import { Recipient } from '../domain/workflow/machine';
import { mailLanguage } from '../platform/staff-mailboxes';
import { TASK } from '../platform/uids';
import { Mailbox, recordLoaders, StepContext, WorkflowDefinition, WorkflowRecord } from './workflow-service';

interface Person {
  id: number;
  username: string;
  displayName?: string | null;
  email: string | null;
  preferredLanguage?: string | null;
  blocked?: boolean | null;
}

export interface TaskRecord extends WorkflowRecord {
  title: string;
  details: string | null;
  dueDate: string;
  priority: TaskPriority;
  assignee: Person | null;
  assignedBy: Person | null;
  customer: { name: string } | null;
  dueAt: string | null;
  stateEnteredAt: string | null;
}

const PERSON = { select: ['id', 'username', 'displayName', 'email', 'preferredLanguage', 'blocked'] };

export const { load: loadTask, loadMany: loadTasks } = recordLoaders<TaskRecord>((strapi, where) =>
  strapi.db.query(TASK).findMany({ where, populate: { assignee: PERSON, assignedBy: PERSON, customer: { select: ['name'] } } })
);

export const personName = (person: Person | null): string => (person ? person.displayName || person.username : '');

export const taskMailData = async (_strapi: Core.Strapi, task: TaskRecord): Promise<Record<string, unknown>> => ({
  task: {
    title: task.title,
    details: task.details ?? '',
    dueDate: task.dueDate,
    priorityLabel: TASK_PRIORITY_LABELS[task.priority],
    stateLabel: TASK_STATE_LABELS[task.state as TaskState],
  },
  assignee: personName(task.assignee),
  assigner: personName(task.assignedBy),
});

const mailboxOf = (person: Person | null): Mailbox[] =>
  person?.email && !person.blocked ? [{ email: person.email, language: mailLanguage(person.preferredLanguage) }] : [];

const mailboxesOf = async (_strapi: Core.Strapi, task: TaskRecord, to: Recipient): Promise<Mailbox[]> => {
  if (!('party' in to)) return [];
  return mailboxOf(to.party === 'assignee' ? task.assignee : task.assignedBy);
};

const prepare = async (_strapi: Core.Strapi, { step, input, now, mailExtras }: StepContext<TaskRecord>) => {
  mailExtras.comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  if (!step.moves) return {};
  // A reopened task owes its work again: it may be escalated again when it runs late.
  return { stateEnteredAt: now, ...(step.to === 'reopened' ? { escalatedAt: null } : {}) };
};

export const taskWorkflow: WorkflowDefinition<TaskRecord> = {
  uid: TASK,
  subject: 'task',
  machine: taskMachine,
  load: loadTask,
  loadMany: loadTasks,
  prepare,
  mailboxesOf,
  mailData: taskMailData,
  concerning: (actor) =>
    actor.staffUserId === null ? null : { $or: [{ assignee: { id: actor.staffUserId } }, { assignedBy: { id: actor.staffUserId } }] },
};
