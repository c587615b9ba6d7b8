/**
 * The contract review machine (src/domain/contract-review.ts) bound to the stored contract: what
 * each step writes besides the state (credit snapshot, reply, dates), what follows it in the same
 * transaction (a new revision, the seal log, the orders confirmed, the amended revision
 * superseded), and who receives its mail.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { CONTRACT_STATE_LABELS, ContractState, ContractSubject, contractMachine } from '../domain/contract-review';
import { RoleCode, STAFF_ROLES } from '../domain/staff-roles';
import { isCalendarDate } from '../domain/business-date';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';
import { Recipient, Verdict, VERDICT_LABELS } from '../domain/workflow/machine';
import { conflict } from '../platform/errors';
import { creditSnapshot } from './credit-position';
import { enforceCreditHold } from '../cash-collection/credit-control';
import { customerMailbox } from './customer-mailbox';
import { mailLanguage } from '../platform/staff-mailboxes';
import { Mailbox, recordEvent, recordLoaders, StepContext, WorkflowDefinition, WorkflowRecord } from './workflow-service';
import { CONTRACT, OPINION, ORDER, SEAL_USE } from '../platform/uids';
import { moneyText } from '../domain/display-format';
import { message } from '../domain/messages';

const TEXT_LIMIT = 4000;

/** A contract as the workflow reads it. */
export interface ContractRecord extends WorkflowRecord {
  number: string;
  revision: number;
  total: unknown;
  currency: string;
  deliveryDate: string | null;
  replyChannel: string | null;
  replyContent: string | null;
  lines: {
    specification: string | null;
    quantity: number;
    unitPrice: unknown;
    lineAmount: unknown;
    product: { documentId: string } | null;
  }[];
  customer: {
    id: number;
    documentId: string;
    code: string;
    name: string;
    creditLimit: unknown;
    creditHold: boolean;
    preferredLanguage: string;
    contacts: { email: string | null; primary: boolean }[];
  } | null;
  orders: { id: number; documentId: string; number: string; state: string; version: number }[];
  drafter: { id: number; email: string | null; preferredLanguage?: string } | null;
  previousRevision: { id: number; documentId: string; state: string; revision: number } | null;
  attachments: { id: number }[];
  creditSnapshot: ContractSubject['creditSnapshot'];
}

export const { load: loadContract, loadMany: loadContracts } = recordLoaders<ContractRecord>((strapi, where, forChecks) =>
  strapi.db.query(CONTRACT).findMany({
    where,
    // The machine reads the contract's own fields only (the credit snapshot among them).
    populate: forChecks
      ? {}
      : {
          lines: { populate: { product: { select: ['id', 'documentId'] } } },
          customer: { populate: { contacts: true } },
          orders: { select: ['id', 'documentId', 'number', 'state', 'version'] },
          drafter: { select: ['id', 'email', 'username', 'displayName', 'preferredLanguage'] },
          previousRevision: { select: ['id', 'documentId', 'state', 'revision'] },
          attachments: { select: ['id'] },
        },
  })
);

const checkTexts = (input: Record<string, unknown>) => {
  const problems: FieldProblem[] = ['comment', 'content']
    .filter((field) => input[field] !== undefined && input[field] !== null)
    .filter((field) => typeof input[field] !== 'string' || (input[field] as string).length > TEXT_LIMIT)
    .map((field) => fieldProblem([field], 'field.text_at_most', { max: TEXT_LIMIT }));
  if (input.proposedDeliveryDate != null && !isCalendarDate(input.proposedDeliveryDate)) {
    problems.push(fieldProblem(['proposedDeliveryDate'], 'field.date'));
  }
  if (input.usedAt != null && (typeof input.usedAt !== 'string' || Number.isNaN(Date.parse(input.usedAt)))) {
    problems.push(fieldProblem(['usedAt'], 'field.datetime'));
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
};

/** What a line says, to compare a contract's lines with its orders': product, specification, quantity, price. */
const lineTerms = (line: { product: { documentId: string } | null; specification: string | null; quantity: number; unitPrice: unknown }) =>
  [line.product?.documentId ?? '', line.specification ?? '', line.quantity, new Decimal(String(line.unitPrice ?? 0)).toFixed(2)].join('|');

/**
 * A contract drafted from orders goes to review with exactly their lines: what is reviewed is what
 * is produced, shipped and invoiced. An order edited after the contract was drafted, or a contract
 * line changed alone, is refused at submission (the drafter aligns one with the other first).
 */
const refuseLinesApartFromOrders = async (strapi: Core.Strapi, contract: ContractRecord) => {
  if (contract.orders.length === 0) return;
  const orders = await strapi.db.query(ORDER).findMany({
    where: { id: { $in: contract.orders.map((order) => order.id) } },
    populate: { lines: { populate: { product: { select: ['documentId'] } } }, customer: { select: ['id'] } },
  });
  // An order moved to another customer since the contract was drafted is not this customer's to contract.
  const elsewhere = orders.filter((order: { customer: { id: number } | null }) => order.customer?.id !== contract.customer?.id);
  if (elsewhere.length > 0) {
    const numbers = elsewhere.map((order: { number: string }) => order.number);
    throw conflict(message('contract.orders_moved', { orders: numbers.join(', '), contract: contract.number }), { orders: numbers });
  }
  const ordered = orders.flatMap((order: { lines: Parameters<typeof lineTerms>[0][] }) => order.lines.map(lineTerms)).sort();
  const contracted = contract.lines.map(lineTerms).sort();
  if (ordered.join('\n') !== contracted.join('\n')) {
    throw conflict(
      message('contract.lines_differ', { contract: contract.number, orders: contract.orders.map((order) => order.number).join(', ') }),
      {
        orders: contract.orders.map((order) => order.number),
      }
    );
  }
};

const prepare = async (
  strapi: Core.Strapi,
  { record: contract, step, input, now }: StepContext<ContractRecord>
): Promise<Record<string, unknown>> => {
  checkTexts(input);
  switch (step.action) {
    case 'submit':
      // A customer on credit hold submits only with marketing-vp's override for this contract.
      // Checked here rather than in the machine's precondition: the override is a record to look up and use.
      await enforceCreditHold(strapi, {
        customerId: contract.customer?.id,
        subject: 'contract',
        documentId: contract.documentId,
        step: { code: 'credit.step_submit_contract', params: { number: contract.number } },
        now,
      });
      await refuseLinesApartFromOrders(strapi, contract);
      return {
        submittedAt: now,
        creditSnapshot: await creditSnapshot(strapi, contract.customer!, {
          id: contract.id,
          total: contract.total,
          previousRevisionId: contract.previousRevision?.id ?? null,
        }),
      };
    case 'review':
      return step.moves ? { decidedAt: now } : {};
    case 'reply': {
      const mailbox = input.channel === 'email' ? customerMailbox(contract.customer) : null;
      if (input.channel === 'email' && !mailbox) {
        throw new DomainValidationError([fieldProblem(['channel'], 'customer.no_mail_contact')]);
      }
      return { replyChannel: input.channel, replyContent: input.content, repliedAt: now, replySentTo: mailbox?.email ?? null };
    }
    case 'activate':
      // Activation confirms the orders: the customer must not have gone on hold since submission
      // (the override that let the submission through still covers it).
      await enforceCreditHold(strapi, {
        customerId: contract.customer?.id,
        subject: 'contract',
        documentId: contract.documentId,
        step: { code: 'credit.step_activate_contract', params: { number: contract.number } },
        now,
      });
      return { activatedAt: now };
    case 'amend': {
      const open = await openLaterRevision(strapi, contract);
      if (open)
        throw conflict(
          message('contract.being_amended', { revision: open.revision, contract: contract.number, state: open.state, subject: 'contract' }),
          {
            revision: open.documentId,
          }
        );
      return {};
    }
    default:
      return {};
  }
};

const follow = async (strapi: Core.Strapi, context: StepContext<ContractRecord>): Promise<Record<string, unknown>> => {
  const contract = context.record;
  const { step, input, actor, now } = context;
  if (step.action === 'revise' || step.action === 'amend') {
    return { newRevision: await createNextRevision(strapi, contract, actor.staffUserId) };
  }
  if (step.action === 'seal') {
    await strapi.db.query(SEAL_USE).create({
      data: {
        sealType: input.sealType,
        contract: contract.id,
        requestedBy: contract.drafter?.id ?? null,
        approvedBy: actor.staffUserId,
        usedAt: input.usedAt ? new Date(input.usedAt as string) : now,
        copies: input.copies,
        documentSha256: String(input.documentSha256).toLowerCase(),
      },
    });
  }
  if (step.action === 'activate') await confirmOrders(strapi, contract, context);
  // An approved amendment takes over from the revision it amends.
  if (step.to === 'approved' && contract.previousRevision?.state === 'active') {
    const previous = contract.previousRevision;
    await strapi.db.query(CONTRACT).update({ where: { id: previous.id }, data: { state: 'superseded' } });
    await recordEvent(
      strapi,
      'contract',
      previous.documentId,
      { action: 'supersede', from: 'active', to: 'superseded', comment: `revision ${contract.revision} approved` },
      actor,
      now
    );
  }
  return {};
};

const openLaterRevision = async (strapi: Core.Strapi, contract: ContractRecord) =>
  strapi.db.query(CONTRACT).findOne({
    where: { previousRevision: { id: contract.id }, state: { $notIn: ['cancelled', 'superseded', 'terminated'] } },
    select: ['documentId', 'revision', 'state'],
  });

/** Revision n+1: the same number and terms, in draft, for the drafter to change and submit. */
const createNextRevision = async (strapi: Core.Strapi, contract: ContractRecord, drafter: number | null): Promise<string> => {
  const terms = await strapi.db.query(CONTRACT).findOne({
    where: { id: contract.id },
    select: ['contractDate', 'paymentTerms', 'deliveryDate', 'deliveryTerms', 'packagingRequirements', 'qualityTerms', 'otherTerms'],
  });
  const { id: _id, ...copied } = terms;
  const created = await strapi.documents(CONTRACT).create({
    data: {
      ...copied,
      number: contract.number,
      revision: contract.revision + 1,
      currency: contract.currency,
      total: contract.total,
      state: 'draft',
      version: 1,
      reviewRound: 0,
      lines: contract.lines.map((line) => ({
        product: line.product?.documentId,
        specification: line.specification,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineAmount: line.lineAmount,
      })),
    },
  });
  await strapi.db.query(CONTRACT).update({
    where: { documentId: created.documentId },
    data: {
      customer: contract.customer?.id ?? null,
      orders: contract.orders.map((order) => order.id),
      drafter: drafter ?? contract.drafter?.id ?? null,
      previousRevision: contract.id,
      attachments: contract.attachments.map((file) => file.id),
    },
  });
  return created.documentId;
};

/** The orders of an active contract are confirmed (those still in draft). */
const confirmOrders = async (strapi: Core.Strapi, contract: ContractRecord, { step, actor, now }: StepContext<ContractRecord>) => {
  for (const order of contract.orders.filter((candidate) => candidate.state === 'draft')) {
    await strapi.db.query(ORDER).update({ where: { id: order.id }, data: { state: 'confirmed', version: (order.version ?? 1) + 1 } });
    await recordEvent(
      strapi,
      'order',
      order.documentId,
      { action: 'confirm', from: 'draft', to: 'confirmed', role: step.role, comment: `contract ${contract.number} active` },
      actor,
      now
    );
  }
};

const mailboxesOf = async (_strapi: Core.Strapi, contract: ContractRecord, to: Recipient): Promise<Mailbox[]> => {
  if ('drafter' in to) {
    return contract.drafter?.email ? [{ email: contract.drafter.email, language: mailLanguage(contract.drafter.preferredLanguage) }] : [];
  }
  if ('customer' in to && contract.replyChannel === 'email') {
    const mailbox = customerMailbox(contract.customer);
    return mailbox ? [mailbox] : [];
  }
  return [];
};

const mailData = async (strapi: Core.Strapi, contract: ContractRecord) => {
  const opinions = await strapi.db.query(OPINION).findMany({
    where: { subject: 'contract', subjectId: contract.documentId, round: contract.reviewRound },
    select: ['role', 'verdict', 'comment', 'proposedDeliveryDate'],
    orderBy: { givenAt: 'asc' },
  });
  return {
    contract: {
      number: contract.number,
      revision: contract.revision,
      state: contract.state,
      stateLabel: CONTRACT_STATE_LABELS[contract.state as ContractState],
      total: String(contract.total),
      currency: contract.currency,
      totalText: moneyText(String(contract.total), contract.currency),
      deliveryDate: contract.deliveryDate,
      reply: contract.replyContent,
    },
    customer: { code: contract.customer?.code, name: contract.customer?.name },
    opinions: opinions.map((opinion: { role: RoleCode; verdict: Verdict }) => ({
      ...opinion,
      roleLabel: { en: STAFF_ROLES[opinion.role].name, zh: STAFF_ROLES[opinion.role].nameZh },
      verdictLabel: VERDICT_LABELS[opinion.verdict],
    })),
  };
};

export const contractWorkflow: WorkflowDefinition<ContractRecord> = {
  uid: CONTRACT,
  subject: 'contract',
  machine: contractMachine,
  load: loadContract,
  loadMany: loadContracts,
  prepare,
  follow,
  mailboxesOf,
  mailData,
};
