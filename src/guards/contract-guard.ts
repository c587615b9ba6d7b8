/**
 * Every write of a contract from REST, the admin panel or our own services passes here. A new
 * contract is a draft (revision 1, the next HT number, drafted by the caller); it may take its
 * customer, lines and delivery date from its orders. Only a draft's terms can be edited, and only
 * from the version the editor read. State, version, opinions and the server's fields change only
 * through the workflow engine (src/workflow-engine), which writes as a trusted writer.
 */
import type { Core } from '@strapi/strapi';
import { editingByState, mayEdit } from '../domain/record-editing';
import { dateIn, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { DomainValidationError, fieldProblem } from '../domain/validation-error';
import { nextNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { currentActor } from '../platform/actor';
import { asTrustedWrite } from '../platform/trusted-write';
import { checkDateFields } from './date-fields';
import { lockForEdit } from './editable-record';
import { asValidation, conflict, refuse } from '../platform/errors';
import { checkLines, completeLines } from './priced-lines';
import { Guard } from './types';
import { recordGuard } from './record-guard';
import { CONTRACT } from '../platform/uids';
import { documentData } from '../platform/document-data';
import { message } from '../domain/messages';

const LINE = 'contract.line';
/** What a contract line copies of an order line. */
interface OrderLine {
  product: { documentId: string } | null;
  specification: string | null;
  quantity: number;
  unitPrice: string | number;
}

export const contractGuard = recordGuard({
  clone: message('contract.not_copied'),
  delete: (strapi, call, next) => deleteDraft(strapi, call.params.documentId, next),
  write: (strapi, call, next) => writeContract(strapi, call, next),
});

/** A client's create or update of a contract. */
const writeContract: Guard = async (strapi, call, next) => {
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const readVersion = call.sent?.version;
  const askedState = call.sent?.state;

  return asValidation(() =>
    strapi.db.transaction(async ({ trx }) => {
      let version = 1;
      if (call.action === 'update') {
        const edit = await lockForEdit(strapi, trx, {
          uid: CONTRACT,
          documentId: call.params.documentId!,
          readVersion,
          askedState,
          isEditable: (state) => mayEdit(editingByState('contract', state)),
          subject: 'contract',
          describe: (contract) => ({
            code: 'contract.revision',
            params: { number: String(contract.number), revision: Number(contract.revision) },
          }),
          select: ['number', 'revision'],
        });
        version = edit.version + 1;
      } else {
        if (askedState !== undefined && askedState !== 'draft')
          throw refuse(['state'], { code: 'record.starts_as', params: { state: 'draft', subject: 'contract' } });
        const actor = await currentActor(strapi);
        Object.assign(data, {
          number: await nextNumber(strapi, SERIES.contract, yearIn(reportTimeZone(strapi))),
          revision: 1,
          state: 'draft',
          reviewRound: 0,
          drafter: actor.staffUserId,
        });
        data.contractDate ??= dateIn(reportTimeZone(strapi));
      }
      checkDateFields(data, ['contractDate', 'deliveryDate']);
      if (Array.isArray(data.lines)) await checkLines(strapi, data.lines);
      call.params.data = { ...data, version };

      const written = (await asTrustedWrite(next)) as { documentId: string } | null;
      if (!written || call.unchanged) return written; // nothing was written: nothing to complete
      await asTrustedWrite(() => completeContract(strapi, written.documentId));
      const { data: _data, documentId: _id, ...query } = call.params;
      return strapi.documents(CONTRACT).findOne({ ...query, documentId: written.documentId });
    })
  );
};

/**
 * After the write: a contract drafted from orders takes their customer, lines and required date
 * where it has none; every order must be the customer's; line amounts and the total are the server's.
 */
const completeContract = async (strapi: Core.Strapi, documentId: string) => {
  const contract = await strapi.db.query(CONTRACT).findOne({
    where: { documentId },
    populate: {
      customer: { select: ['id'] },
      lines: { select: ['id'] },
      orders: { populate: { customer: { select: ['id'] }, lines: { populate: { product: { select: ['documentId'] } } } } },
    },
  });
  const orders: { number: string; requiredDate: string | null; customer: { id: number } | null; lines: OrderLine[] }[] =
    contract.orders ?? [];
  const customerId = contract.customer?.id ?? orders[0]?.customer?.id ?? null;
  const strangers = orders.filter((order) => order.customer?.id !== customerId).map((order) => order.number);
  if (strangers.length > 0) {
    throw new DomainValidationError([fieldProblem(['orders'], 'contract.other_customer_orders', { orders: strangers.join(', ') })]);
  }
  if (!contract.customer && customerId) {
    await strapi.db.query(CONTRACT).update({ where: { id: contract.id }, data: { customer: customerId } });
  }
  if ((contract.lines ?? []).length === 0 && orders.length > 0) {
    await strapi.documents(CONTRACT).update({
      documentId,
      data: documentData(CONTRACT, {
        lines: orders.flatMap((order) =>
          order.lines.map((line) => ({
            product: line.product?.documentId,
            specification: line.specification,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          }))
        ),
        deliveryDate: contract.deliveryDate ?? orders.find((order) => order.requiredDate)?.requiredDate ?? null,
      }),
    });
  }
  const { record, total } = await completeLines(strapi, CONTRACT, LINE, documentId);
  await strapi.db.query(CONTRACT).update({ where: { id: record.id }, data: { total } });
};

const deleteDraft = async (strapi: Core.Strapi, documentId: string | undefined, next: () => Promise<unknown>) => {
  const current = await strapi.db.query(CONTRACT).findOne({ where: { documentId }, select: ['state', 'number'] });
  if (current && current.state !== 'draft') {
    throw conflict({ code: 'contract.kept', params: { contract: current.number, state: current.state, subject: 'contract' } });
  }
  return asTrustedWrite(next);
};
