/**
 * The complaint machine (src/domain/complaint-handling.ts) bound to the stored complaint: each
 * state entered gets its deadline (working days by severity); the judgement, the measures, the
 * verification, the reply with its single-use feedback link and the closing are written with the
 * step that records them; mail goes to quality, the reviewers, the measure's owners and the customer.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  COMPLAINT_STATE_LABELS,
  ComplaintPolicy,
  ComplaintState,
  complaintMachine,
  DEFAULT_DEADLINES,
  DeadlinePolicy,
  Measure,
  Severity,
} from '../domain/complaint-handling';
import { dateTimeIn, isCalendarDate } from '../domain/business-date';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';
import { Recipient } from '../domain/workflow/machine';
import { deadlineAfter, WorkCalendar } from '../domain/working-days';
import { conflict, forbidden } from '../platform/errors';
import { notify } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { customerMailbox, CustomerWithContacts } from './customer-mailbox';
import { newFeedbackLink } from './feedback-link';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { Mailbox, recordLoaders, StepContext, WorkflowDefinition, WorkflowRecord } from './workflow-service';
import { COMPLAINT } from '../platform/uids';
import { documentData } from '../platform/document-data';
import { OPTION_WORDS } from '../content-manager/option-words';
import { message } from '../domain/messages';

const TEXT_LIMIT = 4000;

export interface ComplaintRecord extends WorkflowRecord {
  number: string;
  severity: Severity;
  category: string;
  description: string;
  measures: (Measure & { id: number })[];
  customer: (CustomerWithContacts & { code: string; name: string }) | null;
  replyChannel: string | null;
  replyContent: string | null;
  repliedAt: string | null;
  feedbackAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
}

export const complaintPolicy = (strapi: Core.Strapi): ComplaintPolicy & { feedbackLinkDays: number; deadlines: DeadlinePolicy } => {
  const settings = strapi.config.get('server.complaints', {}) as Record<string, unknown>;
  return {
    closeWithoutFeedbackAfterDays: Number(settings.closeWithoutFeedbackAfterDays ?? 14),
    reopenWithinDays: Number(settings.reopenWithinDays ?? 30),
    feedbackLinkDays: Number(settings.feedbackLinkDays ?? 30),
    deadlines: { ...DEFAULT_DEADLINES, ...((settings.deadlines as DeadlinePolicy) ?? {}) },
  };
};

const workCalendar = (strapi: Core.Strapi): WorkCalendar => {
  const calendar = strapi.config.get('server.business.workCalendar', {}) as Partial<WorkCalendar>;
  return { holidays: calendar.holidays ?? [], workdays: calendar.workdays ?? [] };
};

/** The deadline of a state for a severity, or null when the state has none. */
export const deadlineOf = (strapi: Core.Strapi, state: string, severity: Severity, from: Date): Date | null => {
  const days = complaintPolicy(strapi).deadlines[state as ComplaintState]?.[severity];
  return days === undefined ? null : deadlineAfter(from, days, reportTimeZone(strapi), workCalendar(strapi));
};

export const { load: loadComplaint, loadMany: loadComplaints } = recordLoaders<ComplaintRecord>((strapi, where, forChecks) =>
  // The machine's preconditions read the measures.
  strapi.db.query(COMPLAINT).findMany({
    where,
    populate: { measures: true, ...(forChecks ? {} : { customer: { populate: { contacts: true } } }) },
  })
);

const checkInput = (input: Record<string, unknown>) => {
  const problems: FieldProblem[] = ['comment', 'content', 'rootCause', 'description', 'result']
    .filter((field) => input[field] !== undefined && input[field] !== null)
    .filter((field) => typeof input[field] !== 'string' || (input[field] as string).length > TEXT_LIMIT)
    .map((field) => fieldProblem([field], 'field.text_at_most', { max: TEXT_LIMIT }));
  if (input.dueDate !== undefined && !isCalendarDate(input.dueDate)) problems.push(fieldProblem(['dueDate'], 'field.date'));
  if (problems.length > 0) throw new DomainValidationError(problems);
};

/** The measure a `complete_measure` names, checked: it exists, is open, and the caller owns it (or supervises). */
const measureToComplete = (complaint: ComplaintRecord, { input, actor }: StepContext<ComplaintRecord>) => {
  const measure = complaint.measures.find((candidate) => candidate.key === input.measure);
  if (!measure)
    throw new DomainValidationError([
      fieldProblem(['measure'], 'complaint.no_measure', { measure: String(input.measure), complaint: complaint.number }),
    ]);
  if (measure.doneAt) throw conflict(message('complaint.measure_done', { measure: measure.description }));
  if (!actor.roles.includes(measure.ownerRole) && !actor.roles.includes('cs-supervisor')) {
    throw forbidden(message('complaint.measure_owner', { measure: measure.description, role: measure.ownerRole }), {
      ownerRole: measure.ownerRole,
    });
  }
  return measure;
};

const prepare = async (strapi: Core.Strapi, context: StepContext<ComplaintRecord>): Promise<Record<string, unknown>> => {
  const complaint = context.record;
  const { step, input, now } = context;
  checkInput(input);
  const fields: Record<string, unknown> = {};
  if (step.moves) {
    Object.assign(fields, { stateEnteredAt: now, dueAt: deadlineOf(strapi, step.to, complaint.severity, now), escalatedAt: null });
  }
  switch (step.action) {
    case 'judge_justified':
    case 'judge_unjustified':
      return {
        ...fields,
        rootCause: input.rootCause,
        judgement: step.action === 'judge_justified' ? 'justified' : 'unjustified',
        judgedAt: now,
      };
    case 'complete_measure':
      measureToComplete(complaint, context);
      return fields;
    case 'confirm_effective':
      return { ...fields, effectivenessComment: input.comment, verifiedAt: now };
    case 'reject_effectiveness':
      return { ...fields, effectivenessComment: input.comment, verifiedAt: null, needsNewMeasure: true };
    case 'add_measure':
      return { ...fields, needsNewMeasure: false };
    case 'reply': {
      const mailbox = input.channel === 'email' ? customerMailbox(complaint.customer) : null;
      if (input.channel === 'email' && !mailbox) {
        throw new DomainValidationError([fieldProblem(['channel'], 'customer.no_mail_contact')]);
      }
      const { ref, hash } = newFeedbackLink(strapi, complaint.documentId);
      const expires = new Date(now.getTime() + complaintPolicy(strapi).feedbackLinkDays * 24 * 60 * 60 * 1000);
      // The mail carries a reference; the worker renders the link when it sends (notifications/links.ts).
      context.mailExtras.links = { feedbackLink: ref };
      return {
        ...fields,
        replyChannel: input.channel,
        replyContent: input.content,
        repliedAt: now,
        replySentTo: mailbox?.email ?? null,
        feedbackTokenHash: hash,
        feedbackTokenExpiresAt: expires,
      };
    }
    case 'close':
      return { ...fields, closedAt: now, feedbackTokenHash: null };
    case 'reopen':
      return { ...fields, closedAt: null };
    default:
      return fields;
  }
};

/** Measures change through the Document Service (they are components), inside the step's transaction. */
const writeMeasures = (strapi: Core.Strapi, complaint: ComplaintRecord, measures: Measure[]) =>
  strapi.documents(COMPLAINT).update({
    documentId: complaint.documentId,
    data: documentData(COMPLAINT, {
      measures: measures.map(({ key, kind, description, ownerRole, dueDate, doneAt, result }) => ({
        key,
        kind,
        description,
        ownerRole,
        dueDate,
        doneAt,
        result,
      })),
    }),
  });

const follow = async (strapi: Core.Strapi, context: StepContext<ComplaintRecord>): Promise<Record<string, unknown>> => {
  const complaint = context.record;
  const { step, input, now } = context;
  if (step.action === 'add_measure') {
    const measure = {
      key: crypto.randomBytes(6).toString('hex'),
      kind: input.kind as Measure['kind'],
      description: input.description as string,
      ownerRole: input.ownerRole as Measure['ownerRole'],
      dueDate: input.dueDate as string,
      doneAt: null,
      result: null,
    };
    await writeMeasures(strapi, complaint, [...complaint.measures, measure]);
    const data = { ...(await mailData(strapi, complaint)), measure };
    for (const mailbox of await staffMailboxes(strapi, [measure.ownerRole])) {
      await notify(strapi, {
        event: 'complaint.measure-assigned',
        key: `complaint.measure-assigned:${complaint.documentId}:${measure.key}:${mailbox.email}`,
        to: mailbox.email,
        template: 'complaint.measure-assigned',
        locale: mailbox.language,
        data,
        record: { uid: COMPLAINT, documentId: complaint.documentId },
      });
    }
    return { measure: measure.key };
  }
  if (step.action === 'complete_measure') {
    const done = complaint.measures.map((measure) =>
      measure.key === input.measure ? { ...measure, doneAt: now.toISOString(), result: input.result as string } : measure
    );
    await writeMeasures(strapi, complaint, done);
  }
  return {};
};

const mailboxesOf = async (_strapi: Core.Strapi, complaint: ComplaintRecord, to: Recipient): Promise<Mailbox[]> => {
  if ('customer' in to && complaint.replyChannel === 'email') {
    const mailbox = customerMailbox(complaint.customer);
    return mailbox ? [mailbox] : [];
  }
  return [];
};

export const mailData = async (strapi: Core.Strapi, complaint: ComplaintRecord) => {
  const zone = reportTimeZone(strapi);
  return {
    complaint: {
      number: complaint.number,
      severity: complaint.severity,
      category: complaint.category,
      // The mails name them in words, each in its reader's language.
      severityLabel: OPTION_WORDS[COMPLAINT].severity[complaint.severity],
      categoryLabel: OPTION_WORDS[COMPLAINT].category[complaint.category],
      description: complaint.description,
      state: complaint.state,
      stateLabel: COMPLAINT_STATE_LABELS[complaint.state as ComplaintState],
      dueAt: complaint.dueAt ? dateTimeIn(zone, new Date(complaint.dueAt)).slice(0, 16) : '-',
      reply: complaint.replyContent,
    },
    customer: { code: complaint.customer?.code, name: complaint.customer?.name },
  };
};

export const complaintWorkflow: WorkflowDefinition<ComplaintRecord> = {
  uid: COMPLAINT,
  subject: 'complaint',
  machine: (strapi) => complaintMachine(complaintPolicy(strapi)),
  load: loadComplaint,
  loadMany: loadComplaints,
  prepare,
  follow,
  mailboxesOf,
  mailData,
};
