/**
 * Issuing a customer statement: the period and customer checked, every figure computed and
 * reconciled (./statement-figures.ts), and the statement frozen into its record with its lines
 * and open items, numbered in the statement series.
 */
import type { Core } from '@strapi/strapi';
import { dateIn, isCalendarDate, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { periodProblems } from '../domain/statement';
import { conflict, validationError } from '../platform/errors';
import { nextNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { Actor } from '../platform/actor';
import { asTrustedWrite } from '../platform/trusted-write';
import { CURRENCIES, DEFAULT_CURRENCY, isCurrency } from '../domain/money';
import { CUSTOMER, STATEMENT } from '../platform/uids';
import { computeStatement } from './statement-figures';
import { StatementSnapshot } from './statement-record';
import { fieldProblem, problemAt } from '../domain/validation-error';
import { message } from '../domain/messages';
import { englishText } from '../domain/message-text';

export interface IssueInput {
  customer?: unknown;
  periodFrom?: unknown;
  periodTo?: unknown;
  currency?: unknown;
}

/** Issues a statement: 400 for a bad period or an unknown customer, 409 when the books do not reconcile. */
export const issueStatement = async (strapi: Core.Strapi, input: IssueInput, actor: Actor, now = new Date()) => {
  const timeZone = reportTimeZone(strapi);
  const problems = periodProblems(input.periodFrom, input.periodTo, dateIn(timeZone, now), isCalendarDate).map((p) =>
    problemAt(p.path, p.said)
  );
  const currency = input.currency ?? DEFAULT_CURRENCY;
  if (!isCurrency(currency)) problems.push(fieldProblem(['currency'], 'field.one_of', { values: CURRENCIES.join(', ') }));
  const customer =
    typeof input.customer === 'string' && input.customer
      ? await strapi.db
          .query(CUSTOMER)
          .findOne({ where: { documentId: input.customer }, select: ['id', 'documentId', 'code', 'name', 'address'] })
      : null;
  if (!customer) problems.push(fieldProblem(['customer'], 'statement.customer_id'));
  if (problems.length) throw validationError(problems);
  const periodFrom = input.periodFrom as string;
  const periodTo = input.periodTo as string;
  const scope = { customerId: customer.id, currency: currency as string, timeZone };
  const statement = await computeStatement(strapi, scope, periodFrom, periodTo);
  if (statement.problems.length)
    throw conflict(message('statement.books_differ', { problems: statement.problems }), { problems: statement.problems.map(englishText) });
  const snapshot: StatementSnapshot = {
    company: strapi.config.get('server.business.company') as StatementSnapshot['company'],
    customer: { code: customer.code ?? '', name: customer.name ?? '', address: customer.address ?? '' },
    lines: statement.lines,
    openItems: statement.openItems,
    aging: statement.aging,
  };
  const { openItemsTotal: _total, ...figures } = statement.figures;
  return strapi.db.transaction(async (): Promise<{ id: number; documentId: string; number: string }> =>
    asTrustedWrite(async () =>
      strapi.db.query(STATEMENT).create({
        data: {
          number: await nextNumber(strapi, SERIES.statement, yearIn(timeZone, now)),
          customer: customer.id,
          periodFrom,
          periodTo,
          currency,
          ...figures,
          snapshot,
          state: 'issued',
          issuedBy: actor.staffUserId,
          version: 1,
        },
      })
    )
  );
};
