/**
 * The customer's feedback link on a replied complaint (a signed single-use link, ./signed-link.ts):
 * opened without an account, it shows only the complaint's number and takes a 1–5 rating and a
 * comment, once. The link is cleared when used or when the complaint closes.
 */
import type { Core } from '@strapi/strapi';
import { asTrustedWrite } from '../platform/trusted-write';
import { AnswerOrigin, newLink, OpenedLink, openSignedLink, SignedLinkKind, spendSignedLink } from '../platform/signed-link';
import { COMPLAINT } from '../platform/uids';
import { FieldProblem, fieldProblem } from '../domain/validation-error';
import { validationError } from '../platform/errors';

export const FEEDBACK_LINK: SignedLinkKind = {
  uid: COMPLAINT,
  purpose: 'complaint-feedback-link',
  path: '/api/complaints/feedback',
  hashField: 'feedbackTokenHash',
  expiresField: 'feedbackTokenExpiresAt',
  noun: { en: 'feedback link', zh: '反馈链接' },
};

/** A new feedback link: its reference for the mail (rendered when sent) and its hash for the complaint. */
export const newFeedbackLink = (strapi: Core.Strapi, documentId: string) => newLink(strapi, FEEDBACK_LINK, documentId);

export interface FeedbackTarget extends OpenedLink {
  number: string;
  state: string;
}

/** The complaint a link opens (404 tampered or unknown, 410 used or expired); nothing but its number goes to the customer. */
export const openFeedbackLink = (strapi: Core.Strapi, token: string, now = new Date()): Promise<FeedbackTarget> =>
  openSignedLink<FeedbackTarget>(strapi, FEEDBACK_LINK, token, ['number', 'state'], now);

export const parseFeedback = (body: Record<string, unknown>) => {
  const rating = Number(body.rating);
  const comment = body.comment === undefined || body.comment === null ? '' : String(body.comment);
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    problems.push(fieldProblem(['rating'], 'field.whole_number_between', { min: 1, max: 5 }));
  if (comment.length > 2000) problems.push(fieldProblem(['comment'], 'field.too_long', { max: 2000 }));
  if (problems.length > 0) throw validationError(problems);
  return { rating, comment: comment.trim() || null };
};

/** Records the feedback and spends the link, in the caller's transaction; the link works once. */
export const recordFeedback = async (
  strapi: Core.Strapi,
  target: FeedbackTarget,
  feedback: { rating: number; comment: string | null },
  now: Date,
  origin: AnswerOrigin | null
) => {
  await spendSignedLink(strapi, FEEDBACK_LINK, target);
  await asTrustedWrite(() =>
    strapi.db.query(COMPLAINT).update({
      where: { id: target.id },
      data: {
        feedbackRating: feedback.rating,
        feedbackComment: feedback.comment,
        feedbackAt: now,
        feedbackFromIp: origin?.ip ?? null,
        feedbackUserAgent: origin?.userAgent ?? null,
      },
    })
  );
};
