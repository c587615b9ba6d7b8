/** Mailing a customer statement to the customer's contact, with the PDF and a signed single-use link. */
import type { Core } from '@strapi/strapi';
import { conflict, refuse } from '../platform/errors';
import { notify } from '../platform/outbox';
import { linkExpiry, newLink } from '../platform/signed-link';
import { customerMailbox } from '../workflow-engine/customer-mailbox';
import { loadStatement, mailFigures, moveStatement, STATEMENT_LINK } from './statement-record';
import { message } from '../domain/messages';

/**
 * Mails the statement (PDF attached, rendered when sent) to the customer's primary contact in the
 * customer's language, with a fresh link; a resend replaces the link, so only the last one works.
 */
export const sendStatement = async (strapi: Core.Strapi, documentId: string, now = new Date()) => {
  const statement = await loadStatement(strapi, documentId);
  if (statement.state !== 'issued' && statement.state !== 'sent') {
    throw conflict(message('statement.answered', { state: statement.state, subject: 'statement' }));
  }
  const mailbox = customerMailbox(statement.customer);
  if (!mailbox) throw refuse(['customer'], message('customer.no_mail_contact'));
  const { ref, hash } = newLink(strapi, STATEMENT_LINK, statement.documentId);
  const days = Number(strapi.config.get('server.collection.statementLinkDays', 30));
  await strapi.db.transaction(async () => {
    await moveStatement(strapi, statement, {
      state: 'sent',
      sentAt: now,
      sentTo: mailbox.email,
      linkTokenHash: hash,
      linkExpiresAt: linkExpiry(now, days),
    });
    await notify(strapi, {
      event: 'statement.sent',
      key: `statement.sent:${statement.documentId}:v${statement.version + 1}`,
      to: mailbox.email,
      template: 'statement.sent',
      locale: mailbox.language,
      data: {
        customer: { code: statement.customer!.code, name: statement.customer!.name },
        statement: mailFigures(statement),
        // The link is rendered by the outbox worker when it sends (src/notifications/links.ts).
        links: { link: ref },
        linkDays: days,
        // Rendered by the outbox worker when it sends (src/notifications/attachments.ts).
        attachments: [{ kind: 'statement', ref: statement.documentId }],
      },
    });
  });
  return { sentTo: mailbox.email };
};
