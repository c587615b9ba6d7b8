/**
 * Customer statements (对账单): issuing one (every figure in SQL, on PostgreSQL and SQLite alike,
 * frozen into the record with its lines and open items), sending it to the customer's contact with
 * the PDF and a signed single-use link, and the customer's answer through that link (confirmed, or
 * disputed with a comment that goes to the sales clerks and the customer's salesperson).
 *
 * What the routes call, from the modules that do it: the figures (./statement-figures.ts), issuing
 * (./statement-issuing.ts), the stored record and its link (./statement-record.ts), mailing
 * (./statement-mailing.ts) and the link's answers (./statement-answers.ts).
 */
export { issueStatement } from './statement-issuing';
export { sendStatement } from './statement-mailing';
export { answerStatement, openStatementLink, parseStatementAnswer } from './statement-answers';
