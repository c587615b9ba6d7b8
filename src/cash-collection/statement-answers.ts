/**
 * The customer's answer to a statement through its signed link: what the link shows, reading the
 * answer, and recording it (confirmed, or disputed with a comment that goes to the sales clerks
 * and the customer's salesperson).
 */
import type { Core } from '@strapi/strapi';
import { MailLocale } from '../domain/notification-templates';
import { StatementState, STATEMENT_STATE_LABELS } from '../domain/statement';
import { recordDisputeOpinion } from '../customer-voice/opinions';
import { validationError } from '../platform/errors';
import { notify } from '../platform/outbox';
import { AnswerOrigin, OpenedLink, openSignedLink, spendSignedLink } from '../platform/signed-link';
import { mailLanguage, staffMailboxes } from '../platform/staff-mailboxes';
import { STATEMENT } from '../platform/uids';
import { readDay, readMoney } from './statement-figures';
import { loadStatement, mailFigures, moveStatement, STATEMENT_LINK } from './statement-record';
import { FieldProblem, fieldProblem } from '../domain/validation-error';

export interface LinkedStatement extends OpenedLink {
  number: string;
  periodFrom: string;
  periodTo: string;
  closingBalance: string;
  currency: string;
}

/** What the link shows: the number, period, closing balance and currency; nothing else. */
export const openStatementLink = async (strapi: Core.Strapi, token: string, now = new Date()): Promise<LinkedStatement> => {
  const statement = await openSignedLink<LinkedStatement>(
    strapi,
    STATEMENT_LINK,
    token,
    ['number', 'periodFrom', 'periodTo', 'closingBalance', 'currency'],
    now
  );
  return {
    ...statement,
    periodFrom: readDay(statement.periodFrom),
    periodTo: readDay(statement.periodTo),
    closingBalance: readMoney(statement.closingBalance),
  };
};

export const STATEMENT_ANSWERS = ['confirm', 'dispute'] as const;
export type StatementAnswer = (typeof STATEMENT_ANSWERS)[number];

export const parseStatementAnswer = (body: Record<string, unknown>) => {
  const answer = body.answer as StatementAnswer;
  const comment = body.comment === undefined || body.comment === null ? '' : String(body.comment).trim();
  const problems: FieldProblem[] = [];
  if (!(STATEMENT_ANSWERS as readonly unknown[]).includes(answer))
    problems.push(fieldProblem(['answer'], 'statement.answer', { confirm: 'confirm', dispute: 'dispute' }));
  if (answer === 'dispute' && !comment) problems.push(fieldProblem(['comment'], 'statement.dispute_comment'));
  if (comment.length > 2000) problems.push(fieldProblem(['comment'], 'field.too_long', { max: 2000 }));
  if (problems.length) throw validationError(problems);
  return { answer, comment: comment || null };
};

/**
 * The customer's answer: the link spent and the statement confirmed or disputed in one transaction;
 * a dispute mails the sales clerks and the customer's salesperson with the comment.
 */
export const answerStatement = async (
  strapi: Core.Strapi,
  target: LinkedStatement,
  answer: { answer: StatementAnswer; comment: string | null },
  origin: AnswerOrigin | null,
  now = new Date()
) =>
  strapi.db.transaction(async () => {
    await spendSignedLink(strapi, STATEMENT_LINK, target);
    const statement = await loadStatement(strapi, target.documentId);
    const state: StatementState = answer.answer === 'confirm' ? 'confirmed' : 'disputed';
    await moveStatement(strapi, statement, {
      state,
      respondedAt: now,
      respondedFromIp: origin?.ip ?? null,
      respondedUserAgent: origin?.userAgent ?? null,
      customerComment: answer.comment,
      linkExpiresAt: null,
    });
    if (state !== 'disputed') return state;
    if (statement.customer && answer.comment)
      await recordDisputeOpinion(strapi, { id: statement.id, customerId: statement.customer.id }, answer.comment, now);
    const salesperson = statement.customer?.salesperson;
    const mailboxes: { email: string; language: MailLocale }[] = [
      ...(await staffMailboxes(strapi, ['sales-clerk'])),
      ...(salesperson?.email ? [{ email: salesperson.email, language: mailLanguage(salesperson.preferredLanguage) }] : []),
    ];
    const data = {
      customer: { code: statement.customer?.code, name: statement.customer?.name },
      statement: { ...mailFigures(statement), comment: answer.comment, stateLabel: STATEMENT_STATE_LABELS.disputed },
    };
    for (const mailbox of new Map(mailboxes.map((m) => [m.email, m])).values()) {
      await notify(strapi, {
        event: 'statement.disputed',
        key: `statement.disputed:${statement.documentId}:v${statement.version + 1}:${mailbox.email}`,
        to: mailbox.email,
        template: 'statement.disputed',
        locale: mailbox.language,
        data,
        record: { uid: STATEMENT, documentId: statement.documentId },
      });
    }
    return state;
  });
