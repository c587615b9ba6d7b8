/**
 * Demo statements (对账单): for three customers the demo collection shipped to, the sales clerk
 * issues the last six months' statement and mails it; the first customer confirms the balance, the
 * second disputes it with a comment (which their file keeps as an opinion), the third has not
 * answered yet, and the fourth's is issued but not yet mailed (the clerk checks it first). Through the real services, so each statement is what one made in the panel is.
 */
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { Actor } from '../platform/actor';
import { answerStatement, issueStatement, sendStatement } from '../cash-collection/statements';
import { RECEIVABLE, STATEMENT } from '../platform/uids';

const ANSWERS: ({ answer: 'confirm' | 'dispute'; comment: string | null } | null | 'not_sent')[] = [
  { answer: 'confirm', comment: null },
  { answer: 'dispute', comment: '上月已电汇 5 万元，对账单未列入，请核对后重新出具' },
  null,
  'not_sent',
];

export const issueDemoStatements = async (strapi: Core.Strapi, clerk: Actor, today: string): Promise<number> => {
  const receivables: { customer: { documentId: string } | null }[] = await strapi.db.query(RECEIVABLE).findMany({
    where: { currency: 'CNY' },
    orderBy: [{ invoiceDate: 'desc' }, { id: 'asc' }],
    select: ['id'],
    populate: { customer: { select: ['documentId'] } },
  });
  const customers = [...new Set(receivables.map((receivable) => receivable.customer?.documentId).filter(Boolean) as string[])];
  let issued = 0;
  for (const [index, answer] of ANSWERS.entries()) {
    const customer = customers[index];
    if (!customer) break;
    const statement = await issueStatement(strapi, { customer, periodFrom: addDays(today, -182), periodTo: addDays(today, -1) }, clerk);
    issued += 1;
    if (answer === 'not_sent') continue;
    await sendStatement(strapi, statement.documentId);
    if (!answer) continue;
    const sent = await strapi.db.query(STATEMENT).findOne({
      where: { documentId: statement.documentId },
      select: ['id', 'documentId', 'number', 'periodFrom', 'periodTo', 'closingBalance', 'currency', 'linkTokenHash'],
    });
    const { linkTokenHash: linkHash, ...target } = sent;
    // Answered as through the mailed link (no browser: no address or agent kept).
    await answerStatement(strapi, { ...target, linkHash }, answer, null);
  }
  return issued;
};
