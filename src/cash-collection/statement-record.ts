/**
 * A customer statement as stored: what was frozen when it was issued, its signed confirmation
 * link, reading it back, and moving it on under optimistic locking.
 */
import type { CompanyParticulars } from '../pdf/pdf-layout';
import type { Core } from '@strapi/strapi';
import { agingOfItems, IssuedStatement, OpenItem, StatementLine, StatementState } from '../domain/statement';
import { SignedLinkKind } from '../platform/signed-link';
import { conflict, noSuchDocument } from '../platform/errors';
import { asTrustedWrite } from '../platform/trusted-write';
import { STATEMENT } from '../platform/uids';
import { readDay, readMoney } from './statement-figures';
import { moneyText } from '../domain/display-format';
import { message } from '../domain/messages';

export const STATEMENT_LINK: SignedLinkKind = {
  uid: STATEMENT,
  purpose: 'statement-confirmation-link',
  path: '/api/statements/respond',
  hashField: 'linkTokenHash',
  expiresField: 'linkExpiresAt',
  noun: { en: 'statement link', zh: '对账链接' },
};

export interface StatementSnapshot {
  company: CompanyParticulars;
  customer: { code: string; name: string; address: string };
  lines: StatementLine[];
  openItems: OpenItem[];
  aging: ReturnType<typeof agingOfItems>;
}

export interface StoredStatement extends IssuedStatement {
  id: number;
  documentId: string;
  snapshot: StatementSnapshot;
  state: StatementState;
  version: number;
  sentAt: string | null;
  respondedAt: string | null;
  customerComment: string | null;
  customer: {
    id: number;
    code: string;
    name: string;
    preferredLanguage: string;
    contacts: { email: string | null; primary: boolean }[];
    salesperson: { email: string | null; preferredLanguage?: string } | null;
  } | null;
}

export const loadStatement = async (strapi: Core.Strapi, documentId: string): Promise<StoredStatement> => {
  const statement = await strapi.db.query(STATEMENT).findOne({
    where: { documentId },
    populate: { customer: { populate: { contacts: true, salesperson: { select: ['email', 'preferredLanguage'] } } } },
  });
  if (!statement) throw noSuchDocument('statement');
  for (const field of ['openingBalance', 'shipped', 'received', 'reversed', 'closingBalance', 'unallocated'] as const)
    statement[field] = readMoney(statement[field]);
  statement.periodFrom = readDay(statement.periodFrom);
  statement.periodTo = readDay(statement.periodTo);
  if (typeof statement.snapshot === 'string') statement.snapshot = JSON.parse(statement.snapshot);
  return statement;
};

/** What the statement mails say of it. */
export const mailFigures = (statement: StoredStatement) => ({
  number: statement.number,
  periodFrom: statement.periodFrom,
  periodTo: statement.periodTo,
  currency: statement.currency,
  openingBalance: statement.openingBalance,
  closingBalance: statement.closingBalance,
  openingBalanceText: moneyText(statement.openingBalance, statement.currency),
  closingBalanceText: moneyText(statement.closingBalance, statement.currency),
  comment: statement.customerComment,
});

/** Moves a statement on if it is still at `version` (one conditional UPDATE); 409 when someone else moved it first. */
export const moveStatement = async (strapi: Core.Strapi, statement: StoredStatement, data: Record<string, unknown>) => {
  const { count } = await asTrustedWrite(() =>
    strapi.db
      .query(STATEMENT)
      .updateMany({ where: { id: statement.id, version: statement.version }, data: { ...data, version: statement.version + 1 } })
  );
  if (count !== 1) throw conflict(message('statement.changed'));
};
