/**
 * Whether the caller may still edit a workflow record outside its actions, and why not, as the
 * side panel and the read-only edit view read it (GET /workflows/<subject>/:documentId): the rule is
 * src/domain/record-editing.ts, the one the guards refuse by; this adds what it needs from the
 * database (the contract revision holding a draft order in review).
 */
import type { Core } from '@strapi/strapi';
import { ORDER_HOLDING_STATES } from '../domain/contract-review';
import { editingByState, orderEditing, type Editing, type StateRuledRecord } from '../domain/record-editing';
import { Message, message } from '../domain/messages';
import { CONTRACT } from '../platform/uids';

/**
 * The contract revision holding a draft order in review: from submission until it is active (and
 * confirms the order) or leaves review, the order's terms are what the reviewers see; a change goes
 * through a contract revision. Answers how a refusal names it, or null.
 */
export const contractHoldingOrder = async (strapi: Core.Strapi, documentId: string): Promise<Message | null> => {
  const contract = await strapi.db.query(CONTRACT).findOne({
    where: { orders: { documentId }, state: { $in: [...ORDER_HOLDING_STATES] } },
    select: ['number', 'revision', 'state'],
  });
  return contract
    ? message('order.holding_contract', {
        number: contract.number,
        revision: contract.revision,
        state: contract.state,
        subject: 'contract',
      })
    : null;
};

export type EditedSubject = Exclude<StateRuledRecord, 'need'> | 'order';

/** The editing of a workflow record (`subject` as in the workflow routes) in its current state. */
export const editingOf = async (
  strapi: Core.Strapi,
  subject: EditedSubject,
  record: { documentId: string; state: string }
): Promise<Editing> => {
  if (subject !== 'order') return editingByState(subject, record.state);
  const held = record.state === 'draft' && (await contractHoldingOrder(strapi, record.documentId)) !== null;
  return orderEditing(record.state, held);
};
