/**
 * Every write of a complaint from REST, the admin panel or our own services passes here. A new
 * complaint is `received` (the next TS number, received by the caller, now unless told, with the
 * deadline to confirm it) and the supervisor is told by mail. Its details can be corrected while it
 * is received or confirmed, from the version the editor read; after that, and for the state, the
 * judgement, the measures, the reply and the feedback, only workflow actions write.
 */
import type { Core } from '@strapi/strapi';
import { yearIn } from '../domain/business-date';
import { Severity } from '../domain/complaint-handling';
import { editingByState, mayEdit } from '../domain/record-editing';
import { SERIES } from '../domain/document-number';
import { nextNumber } from '../platform/next-number';
import { notify } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { currentActor } from '../platform/actor';
import { deadlineOf, loadComplaint, mailData } from '../workflow-engine/complaint-workflow';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { asTrustedWrite } from '../platform/trusted-write';
import { lockForEdit } from './editable-record';
import { asValidation, refuse, refuseMissing } from '../platform/errors';
import { checkRequiredRelations } from './required-relations';
import { Guard } from './types';
import { recordGuard } from './record-guard';
import { COMPLAINT } from '../platform/uids';
import { message } from '../domain/messages';

export const complaintGuard = recordGuard({
  clone: message('complaint.not_copied'),
  delete: message('complaint.kept', { role: 'cs-supervisor' }),
  write: (strapi, call, next) => writeComplaint(strapi, call, next),
});

/** A client's create or update of a complaint. */
const writeComplaint: Guard = async (strapi, call, next) => {
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const readVersion = call.sent?.version;
  const askedState = call.sent?.state;
  // The content manager sends the measures it shows; a change to them is refused below.
  const measures = call.sent?.measures;

  return asValidation(
    () =>
      strapi.db.transaction(async ({ trx }) => {
        const now = new Date();
        let version = 1;
        if (call.action === 'update') {
          const edit = await lockForEdit(strapi, trx, {
            uid: COMPLAINT,
            documentId: call.params.documentId!,
            readVersion,
            askedState,
            isEditable: (state) => mayEdit(editingByState('complaint', state)),
            subject: 'complaint',
            describe: (complaint) => String(complaint.number),
            select: ['number'],
          });
          await refuseMeasureChanges(strapi, call.params.documentId!, measures);
          version = edit.version + 1;
        } else {
          if (askedState !== undefined && askedState !== 'received')
            throw refuse(['state'], { code: 'record.starts_as', params: { state: 'received', subject: 'complaint' } });
          if (Array.isArray(measures) && measures.length > 0)
            throw refuse(['measures'], message('complaint.measures_by_action', { subject: 'complaint', action: 'add_measure' }));
          if (!data.customer) throw refuseMissing('customer');
          const actor = await currentActor(strapi);
          Object.assign(data, {
            number: await nextNumber(strapi, SERIES.complaint, yearIn(reportTimeZone(strapi))),
            state: 'received',
            reviewRound: 0,
            receivedBy: actor.staffUserId,
            stateEnteredAt: now,
          });
          data.receivedAt ??= now;
        }
        call.params.data = { ...data, version };

        const written = (await asTrustedWrite(next)) as { documentId: string } | null;
        if (!written || call.unchanged) return written; // nothing was written: nothing to complete
        await checkRequiredRelations(strapi, COMPLAINT, written.documentId, ['customer']);
        const complaint = (await loadComplaint(strapi, written.documentId))!;
        // The deadline of the current state follows the severity, also when the severity is corrected.
        const dueAt = deadlineOf(
          strapi,
          complaint.state,
          complaint.severity as Severity,
          new Date(String(complaint.stateEnteredAt ?? now))
        );
        await asTrustedWrite(() => strapi.db.query(COMPLAINT).update({ where: { id: complaint.id }, data: { dueAt } }));
        // The supervisors' mail names the deadline just set, not the one loaded before it.
        if (call.action === 'create') await tellSupervisors(strapi, { ...complaint, dueAt: dueAt?.toISOString() ?? null });
        const { data: _data, documentId: _id, ...query } = call.params;
        return strapi.documents(COMPLAINT).findOne({ ...query, documentId: written.documentId });
      }),
    'number'
  );
};

/** The content manager sends the measures with every save: the same ones are fine, any change is not. */
const refuseMeasureChanges = async (strapi: Core.Strapi, documentId: string, sent: unknown) => {
  if (sent === undefined) return;
  const stored = (await loadComplaint(strapi, documentId))?.measures ?? [];
  const comparable = (list: Partial<(typeof stored)[number]>[]) =>
    JSON.stringify(list.map((m) => [m.id ?? null, m.kind, m.description, m.ownerRole, m.dueDate, m.result ?? null]));
  if (!Array.isArray(sent) || comparable(sent) !== comparable(stored)) {
    throw refuse(
      ['measures'],
      message('complaint.measures_by_actions', { subject: 'complaint', add: 'add_measure', complete: 'complete_measure' })
    );
  }
};

const tellSupervisors = async (strapi: Core.Strapi, complaint: Awaited<ReturnType<typeof loadComplaint>>) => {
  const data = await mailData(strapi, complaint!);
  for (const mailbox of await staffMailboxes(strapi, ['cs-supervisor'])) {
    await notify(strapi, {
      event: 'complaint.received',
      key: `complaint.received:${complaint!.documentId}:${mailbox.email}`,
      to: mailbox.email,
      template: 'complaint.received',
      locale: mailbox.language,
      data,
      record: { uid: COMPLAINT, documentId: complaint!.documentId },
    });
  }
};
