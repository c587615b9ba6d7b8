/**
 * The one engine that applies a workflow machine (src/domain/workflow) to a stored record. A step
 * is one database transaction: lock the record, load it and the opinions of its review round, let
 * the machine plan the step (or refuse it), write the opinion, the new state and version, the
 * append-only history event, the record's own follow-up work, and the mail of the state entered
 * into the outbox. Anything that fails rolls all of it back.
 */
import type { Core, UID } from '@strapi/strapi';
import { allowedActions, awaitedRoles, Situation, Step, planStep, WorkflowRefusal } from '../domain/workflow/engine';
import { Machine, MailRule, Opinion, Recipient } from '../domain/workflow/machine';
import { DomainValidationError } from '../domain/validation-error';
import { MailLocale } from '../domain/notification-templates';
import { RoleCode } from '../domain/staff-roles';
import { notify } from '../platform/outbox';
import { Actor } from '../platform/actor';
import { conflict, forbidden, notFound, validationError, violatesIndex } from '../platform/errors';
import { OPINION_INDEX, REVISION_INDEX } from './workflow-indexes';
import { asTrustedWrite } from '../platform/trusted-write';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { OPINION, WORKFLOW_EVENT as EVENT } from '../platform/uids';

export interface WorkflowRecord {
  id: number;
  documentId: string;
  state: string;
  version: number;
  reviewRound: number;
  [field: string]: unknown;
}

export interface Mailbox {
  email: string;
  language: MailLocale;
}

export interface StepContext<R extends WorkflowRecord = WorkflowRecord> {
  record: R;
  step: Step<string>;
  input: Record<string, unknown>;
  actor: Actor;
  now: Date;
  /** Values only the mail of this step carries (e.g. a one-time link), set by `prepare`. */
  mailExtras: Record<string, unknown>;
}

/**
 * A workflow bound to its stored record R (what `load` reads); every hook sees that record. Written
 * without R, it is a definition of any workflow, as the routes' table of them holds it (`any`: a
 * definition over ContractRecord takes contracts only, so it is no WorkflowDefinition<WorkflowRecord>).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface WorkflowDefinition<R extends WorkflowRecord = any> {
  uid: UID.ContentType;
  /** The name under which opinions and history events refer to the record, e.g. `contract`. */
  subject: string;
  /** The machine; a function when its rules depend on configuration read at the time of the step. */
  machine: Machine<string, string, R> | ((strapi: Core.Strapi) => Machine<string, string, R>);
  load: (strapi: Core.Strapi, documentId: string) => Promise<R | null>;
  /**
   * Many records at once, in no particular order, as the machine's checks see them (the work list
   * reads 200 a kind): the relations its preconditions and parties read and the customer's name;
   * others may be absent.
   */
  loadMany: (strapi: Core.Strapi, documentIds: string[]) => Promise<R[]>;
  /** Checks and fields written with the step (e.g. the credit snapshot taken on submit). */
  prepare?: (strapi: Core.Strapi, context: StepContext<R>) => Promise<Record<string, unknown>>;
  /** Work that follows the step in the same transaction; what it returns goes into the answer's meta. */
  follow?: (strapi: Core.Strapi, context: StepContext<R>) => Promise<Record<string, unknown> | void>;
  /** Recipients other than staff roles (the drafter, the customer). */
  mailboxesOf: (strapi: Core.Strapi, record: R, to: Recipient) => Promise<Mailbox[]>;
  /** What the templates may show of the record. */
  mailData: (strapi: Core.Strapi, record: R) => Promise<Record<string, unknown>>;
  /**
   * Where the records that concern `actor` are, when the record names its people (a task's
   * assignee and assigner) rather than waiting for a role; null: none do.
   */
  concerning?: (actor: Actor) => Record<string, unknown> | null;
}

/**
 * A record type's `load` and `loadMany` from one read, given the condition on documentId and
 * whether only the machine's checks will look (`forChecks`: the work list), so that the fields they
 * read come from the same code for a step and for the list.
 */
export const recordLoaders = <R extends WorkflowRecord>(
  read: (strapi: Core.Strapi, where: Record<string, unknown>, forChecks: boolean) => Promise<R[]>
) => ({
  load: async (strapi: Core.Strapi, documentId: string): Promise<R | null> => (await read(strapi, { documentId }, false))[0] ?? null,
  loadMany: (strapi: Core.Strapi, documentIds: string[]): Promise<R[]> =>
    documentIds.length === 0 ? Promise.resolve([]) : read(strapi, { documentId: { $in: documentIds } }, true),
});

export interface StepResult<R extends WorkflowRecord = WorkflowRecord> {
  record: R;
  meta: Record<string, unknown>;
}

/** Takes one action, or throws the Strapi error that says why not (403, 404, 409, 400). */
export const takeAction = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  documentId: string,
  action: string,
  input: Record<string, unknown>,
  actor: Actor,
  at: Date = new Date()
): Promise<StepResult<R>> => {
  const machine = machineOf(strapi, definition);
  try {
    return await retriedOnDeadlock(() =>
      strapi.db.transaction(({ trx }) =>
        asTrustedWrite(async () => {
          // Takes the row lock first (PostgreSQL) or the write lock (SQLite): concurrent steps on
          // the same record queue here, and each one then reads what the one before it wrote.
          const table = strapi.db.metadata.get(definition.uid).tableName;
          const locked = await trx(table)
            .where({ document_id: documentId })
            .update({ version: trx.ref('version') });
          if (!locked) throw notFound({ code: 'workflow.not_found', params: { subject: definition.subject, documentId } });

          const record = (await definition.load(strapi, documentId))!;
          const situation = await situationOf(strapi, definition, record);
          const step = planStep(machine, situation, actor, action, input, at);
          const context: StepContext<R> = { record, step, input, actor, now: at, mailExtras: {} };
          const fields = (await definition.prepare?.(strapi, context)) ?? {};

          if (step.opinion) await recordOpinion(strapi, definition.subject, record, step.opinion, input, context.now);
          const version = step.opinion && !step.moves ? record.version : record.version + 1;
          // Entering a state that awaits opinions opens a new review round: earlier opinions stay on record.
          const round = step.moves && machine.awaits?.[step.to] ? { reviewRound: record.reviewRound + 1 } : {};
          await strapi.db.query(definition.uid).update({
            where: { id: record.id },
            data: { ...fields, ...round, state: step.to, version },
          });
          // The deadline of the state the step leaves goes with it: the performance sheet (考评) judges the step by it.
          const dueAt = record.dueAt ? new Date(record.dueAt as string) : null;
          await recordEvent(strapi, definition.subject, documentId, { ...step, comment: input.comment, dueAt }, actor, context.now);
          const meta = (await definition.follow?.(strapi, context)) ?? {};

          const written = (await definition.load(strapi, documentId))!;
          if (step.moves) await queueStateMail(strapi, definition, written, step.to, context.mailExtras);
          return { record: written, meta };
        })
      )
    );
  } catch (error) {
    throw asStrapiError(error);
  }
};

/** PostgreSQL's deadlock and serialization failures: the step was rolled back whole and may simply run again. */
const isRetryable = (error: unknown) => ['40P01', '40001'].includes((error as { code?: string })?.code ?? '');

/**
 * Runs a step's transaction again (up to three times) when PostgreSQL chose it as a deadlock's
 * victim: two steps sharing roll-up cells can still lock them in different orders through other
 * writes, and a person at their desk should not see a refusal for that.
 */
const retriedOnDeadlock = async <T>(step: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
};

/** What a caller sees of a record's workflow: state, version, their actions, the review round, the history. */
export const describeWorkflow = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  record: R,
  actor: Actor
) => {
  const situation = await situationOf(strapi, definition, record);
  const machine = machineOf(strapi, definition);
  const opinions = await strapi.db.query(OPINION).findMany({
    where: { subject: definition.subject, subjectId: record.documentId, round: record.reviewRound },
    populate: { reviewer: { select: ['id', 'username', 'displayName'] } },
    orderBy: { givenAt: 'asc' },
  });
  const roles = awaitedRoles(machine, situation);
  return {
    state: record.state,
    version: record.version,
    allowedActions: allowedActions(machine, situation, actor),
    review: {
      round: record.reviewRound,
      awaited: roles,
      opinions: opinions.map((opinion: Record<string, unknown>) => ({
        role: opinion.role,
        verdict: opinion.verdict,
        comment: opinion.comment ?? null,
        proposedDeliveryDate: opinion.proposedDeliveryDate ?? null,
        reviewer: personOf(opinion.reviewer),
        givenAt: opinion.givenAt,
      })),
    },
    history: await historyOf(strapi, definition.subject, record.documentId),
  };
};

/** The actions `actor` may take on `record` now: what the side panel offers and the work list counts. */
/** The actions each record allows `actor` now, for many records at once: one read of their opinions (the work list). */
export const actionsForEach = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  records: R[],
  actor: Actor
): Promise<string[][]> => {
  if (records.length === 0) return [];
  const machine = machineOf(strapi, definition);
  const rows: (OpinionRow & { subjectId: string; round: number })[] = await strapi.db.query(OPINION).findMany({
    where: { subject: definition.subject, subjectId: { $in: records.map((record) => record.documentId) } },
    select: ['subjectId', 'round', 'role', 'verdict'],
    populate: { reviewer: { select: ['id'] } },
  });
  const byRecord = new Map<string, OpinionRow[]>();
  for (const row of rows) {
    const key = `${row.subjectId}:${row.round}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
  }
  return records.map((record) =>
    allowedActions(machine, situationFrom(record, byRecord.get(`${record.documentId}:${record.reviewRound}`) ?? []), actor)
  );
};

/** A record's history events, oldest first, as the panel and the REST answers show them. */
export const historyOf = async (strapi: Core.Strapi, subject: string, subjectId: string) => {
  const events = await strapi.db.query(EVENT).findMany({
    where: { subject, subjectId },
    populate: { actor: { select: ['id', 'username', 'displayName'] } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return events.map((event: Record<string, unknown>) => ({
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    role: event.role,
    actor: personOf(event.actor),
    comment: event.comment ?? null,
    at: event.at,
  }));
};

/** Appends one history event; also used for records a step moves along with it (e.g. orders). */
export const recordEvent = async (
  strapi: Core.Strapi,
  subject: string,
  subjectId: string,
  step: { action: string; from: string; to: string; role?: string; comment?: unknown; dueAt?: Date | null },
  actor: Actor,
  at: Date
) =>
  strapi.db.query(EVENT).create({
    data: {
      subject,
      subjectId,
      action: step.action,
      fromState: step.from,
      toState: step.to,
      // A step the server takes on its own (no staff member) is recorded as the system's.
      role: actor.via === 'system' && actor.staffUserId === null ? 'system' : (step.role ?? null),
      actor: actor.staffUserId,
      comment: typeof step.comment === 'string' && step.comment.trim() ? step.comment.trim() : null,
      at,
      dueAt: step.dueAt ?? null,
    },
  });

export const machineOf = <R extends WorkflowRecord>(strapi: Core.Strapi, definition: WorkflowDefinition<R>): Machine<string, string, R> =>
  typeof definition.machine === 'function' ? definition.machine(strapi) : definition.machine;

const personOf = (user: unknown) => {
  const person = user as { id: number; username: string; displayName?: string | null } | null;
  return person ? { id: person.id, name: person.displayName || person.username } : null;
};

type OpinionRow = { role: RoleCode; verdict: Opinion['verdict']; reviewer: { id: number } | null };

const situationFrom = <R extends WorkflowRecord>(record: R, opinions: OpinionRow[]): Situation<string, R> => ({
  state: record.state,
  version: record.version,
  subject: record,
  opinions: opinions.map((opinion) => ({ role: opinion.role, verdict: opinion.verdict, reviewer: opinion.reviewer?.id ?? null })),
});

const situationOf = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  record: R
): Promise<Situation<string, R>> =>
  situationFrom(
    record,
    await strapi.db.query(OPINION).findMany({
      where: { subject: definition.subject, subjectId: record.documentId, round: record.reviewRound },
      select: ['role', 'verdict'],
      populate: { reviewer: { select: ['id'] } },
    })
  );

const recordOpinion = async (
  strapi: Core.Strapi,
  subject: string,
  record: WorkflowRecord,
  opinion: Opinion,
  input: Record<string, unknown>,
  at: Date
) =>
  strapi.db.query(OPINION).create({
    data: {
      subject,
      subjectId: record.documentId,
      round: record.reviewRound,
      role: opinion.role,
      reviewer: opinion.reviewer,
      verdict: opinion.verdict,
      comment: typeof input.comment === 'string' && input.comment.trim() ? input.comment.trim() : null,
      proposedDeliveryDate: input.proposedDeliveryDate ?? null,
      givenAt: at,
    },
  });

/**
 * Queues the mail of the state entered, one per recipient, keyed by the record's version so it is
 * queued once; also used for a record created in its first state (a task assigned).
 */
export const queueStateMail = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  record: R,
  state: string,
  extras: Record<string, unknown> = {}
) => {
  for (const rule of machineOf(strapi, definition).states[state]?.mail ?? []) {
    await queueMailTo(strapi, definition, record, rule, `v${record.version}`, extras, `${definition.subject}.${state}`);
  }
};

/** Queues one mail rule's message to each of its recipients, once per `occasion` of the record. */
export const queueMailTo = async <R extends WorkflowRecord>(
  strapi: Core.Strapi,
  definition: WorkflowDefinition<R>,
  record: R,
  rule: MailRule,
  occasion: string,
  extras: Record<string, unknown> = {},
  event: string = rule.template
) => {
  const mailboxes = await mailboxesFor(strapi, definition, record, rule.to);
  const data = { ...(await definition.mailData(strapi, record)), ...extras };
  for (const mailbox of mailboxes) {
    await notify(strapi, {
      event,
      key: `${rule.template}:${record.documentId}:${occasion}:${mailbox.email}`,
      to: mailbox.email,
      template: rule.template,
      locale: mailbox.language,
      data,
      record: { uid: definition.uid, documentId: record.documentId },
    });
  }
};

const mailboxesFor = async <R extends WorkflowRecord>(strapi: Core.Strapi, definition: WorkflowDefinition<R>, record: R, to: Recipient) => {
  if ('role' in to) return staffMailboxes(strapi, [to.role]);
  if ('awaited' in to) {
    const situation = await situationOf(strapi, definition, record);
    return staffMailboxes(strapi, awaitedRoles(machineOf(strapi, definition), situation));
  }
  return definition.mailboxesOf(strapi, record, to);
};

const asStrapiError = (error: unknown) => {
  if (error instanceof DomainValidationError) return validationError(error.problems);
  // The database's unique indexes behind the workflow: two people did the same thing at the same
  // moment. Any other duplicate key is a defect, not the user's conflict, and stays a 500.
  if (violatesIndex(error, OPINION_INDEX)) return conflict({ code: 'workflow.opinion_race' });
  if (violatesIndex(error, REVISION_INDEX)) return conflict({ code: 'workflow.revision_race' });
  if (!(error instanceof WorkflowRefusal)) return error;
  switch (error.kind) {
    case 'forbidden':
      return forbidden(error.said, error.details);
    case 'conflict':
      return conflict(error.said, error.details);
    case 'unknown_action':
      return notFound(error.said, error.details);
    case 'invalid':
      return validationError(error.problems);
  }
};
