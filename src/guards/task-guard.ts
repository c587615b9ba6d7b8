/**
 * Every write of a task (工作安排) passes here. Only the CS supervisor and the sales manager assign
 * work, each to their own people (domain/tasks.ts ASSIGNABLE); the assigner is the caller, the task
 * starts `assigned`, its due day must not be past, and the assignee is told by mail in the same
 * transaction. The assigner may correct an open task (title, details, due day, priority, assignee,
 * link) from the version they read; the rest moves only through the task's workflow. A task is
 * never deleted or copied: it is cancelled, so what was asked of whom stays on record.
 */
import type { Core } from '@strapi/strapi';
import { dateIn, isCalendarDate } from '../domain/business-date';
import { isRoleCode } from '../domain/staff-roles';
import { ASSIGNABLE, mayAssign } from '../domain/tasks';
import { editingByState, mayEdit } from '../domain/record-editing';
import { endOfDayIn } from '../domain/working-days';
import { currentActor } from '../platform/actor';
import { asValidation, forbidden, refuse } from '../platform/errors';
import { reportTimeZone } from '../platform/settings';
import { asTrustedWrite } from '../platform/trusted-write';
import { CONTRACT, COMPLAINT, ORDER, SHIPMENT, TASK } from '../platform/uids';
import { STAFF_ROLES } from '../domain/staff-roles';
import { queueStateMail } from '../workflow-engine/workflow-service';
import { loadTask, taskWorkflow } from '../workflow-engine/task-workflow';
import { lockForEdit } from './editable-record';
import { recordGuard } from './record-guard';
import { checkRequiredRelations } from './required-relations';
import { Guard } from './types';
import type { TaskSubjectType } from '../domain/tasks';
import { message } from '../domain/messages';

/** The records a task may be about, by its `subject`. */
const SUBJECTS: Record<TaskSubjectType, string> = { contract: CONTRACT, order: ORDER, complaint: COMPLAINT, shipment: SHIPMENT };

export const taskGuard = recordGuard({
  clone: message('task.not_copied'),
  delete: message('task.kept'),
  write: (strapi, call, next) => writeTask(strapi, call, next),
});

const whoAssignsWhom = () =>
  Object.entries(ASSIGNABLE).map(([assigner, assignees]) => message('task.assigns', { assigner, assignees: assignees! }));

const writeTask: Guard = async (strapi, call, next) => {
  const actor = await currentActor(strapi);
  if (actor.staffUserId === null || !actor.roles.some((role) => ASSIGNABLE[role])) {
    throw forbidden(message('task.assigners_only', { assignments: whoAssignsWhom() }));
  }
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const timeZone = reportTimeZone(strapi);
  const today = dateIn(timeZone);
  if (data.dueDate !== undefined) {
    if (!isCalendarDate(data.dueDate)) throw refuse(['dueDate'], message('field.date'));
    if (String(data.dueDate) < today) throw refuse(['dueDate'], message('task.due_past', { dueDate: String(data.dueDate), today }));
    data.dueAt = endOfDayIn(timeZone, String(data.dueDate));
  }

  return asValidation(() =>
    strapi.db.transaction(async ({ trx }) => {
      const now = new Date();
      let version = 1;
      if (call.action === 'update') {
        // Locked first (a write), then read: on SQLite a transaction that reads first cannot take the write lock later.
        const edit = await lockForEdit(strapi, trx, {
          uid: TASK,
          documentId: call.params.documentId!,
          readVersion: call.sent?.version,
          askedState: call.sent?.state,
          isEditable: (state) => mayEdit(editingByState('task', state)),
          subject: 'task',
          describe: (task) => ({ code: 'task.named', params: { title: String(task.title) } }),
          select: ['title'],
        });
        const stored = await strapi.db
          .query(TASK)
          .findOne({ where: { documentId: call.params.documentId }, populate: { assignedBy: { select: ['id'] } } });
        if (stored && stored.assignedBy?.id !== actor.staffUserId) throw forbidden(message('task.assigner_only'));
        version = edit.version + 1;
      } else {
        if (call.sent?.state !== undefined && call.sent.state !== 'assigned')
          throw refuse(['state'], message('record.starts_as', { subject: 'task', state: 'assigned' }));
        Object.assign(data, { assignedBy: actor.staffUserId, state: 'assigned', reviewRound: 0, stateEnteredAt: now });
      }
      call.params.data = { ...data, version };

      const written = (await asTrustedWrite(next)) as { documentId: string } | null;
      if (!written || call.unchanged) return written;
      await checkRequiredRelations(strapi, TASK, written.documentId, ['assignee']);
      const task = await strapi.db.query(TASK).findOne({
        where: { documentId: written.documentId },
        select: ['subject', 'subjectId'],
        populate: { assignee: { select: ['id', 'blocked'], populate: { role: { select: ['type'] } } } },
      });
      checkAssignee(task.assignee, actor.roles, actor.staffUserId!);
      await checkSubject(strapi, task);
      if (call.action === 'create') await queueStateMail(strapi, taskWorkflow, (await loadTask(strapi, written.documentId))!, 'assigned');
      const { data: _data, documentId: _id, ...query } = call.params;
      return strapi.documents(TASK).findOne({ ...query, documentId: written.documentId });
    })
  );
};

/** The assignee holds a role the caller may assign to, and is not the caller. */
const checkAssignee = (
  assignee: { id: number; blocked: boolean | null; role: { type: string } | null },
  roles: Parameters<typeof mayAssign>[0],
  callerId: number
) => {
  const role = isRoleCode(assignee.role?.type) ? assignee.role.type : null;
  if (assignee.id === callerId) throw refuse(['assignee'], message('task.not_to_self'));
  if (assignee.blocked) throw refuse(['assignee'], message('task.assignee_blocked'));
  if (!mayAssign(roles, role)) {
    const allowed = roles
      .flatMap((own) => ASSIGNABLE[own] ?? [])
      .map((code) => ({ en: `${STAFF_ROLES[code].name} (${STAFF_ROLES[code].nameZh})`, zh: STAFF_ROLES[code].nameZh }));
    throw refuse(['assignee'], message('task.assign_to_only', { roles: allowed }));
  }
};

/** A task about a record names both its kind and its documentId, and the record exists. */
const checkSubject = async (strapi: Core.Strapi, task: { subject: string | null; subjectId: string | null }) => {
  if (!task.subject && !task.subjectId) return;
  if (!task.subject || !task.subjectId) throw refuse([task.subject ? 'subjectId' : 'subject'], message('task.subject_incomplete'));
  const found = await strapi.db.query(SUBJECTS[task.subject as TaskSubjectType]).count({ where: { documentId: task.subjectId } });
  if (found === 0) throw refuse(['subjectId'], message('record.no_such', { subject: task.subject, documentId: task.subjectId }));
};
