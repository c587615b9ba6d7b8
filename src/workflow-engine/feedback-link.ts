/**
 * The customer's feedback link on a replied complaint (a signed single-use link, ./signed-link.ts):
 * opened without an account, it shows only the complaint's number and takes a 1–5 rating and a
 * comment, once. The link is cleared when used or when the complaint closes.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { asTrustedWrite } from '../platform/trusted-write';
import { AnswerOrigin, newLink, OpenedLink, openSignedLink, SignedLinkKind, spendSignedLink } from '../platform/signed-link';
import { COMPLAINT } from '../platform/uids';

export const FEEDBACK_LINK: SignedLinkKind = {
  uid: COMPLAINT,
  purpose: 'complaint-feedback-link',
  path: '/api/complaints/feedback',
  hashField: 'feedbackTokenHash',
  expiresField: 'feedbackTokenExpiresAt',
  noun: 'feedback link',
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
  const problems = [];
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    problems.push({ path: ['rating'], message: 'must be a whole number from 1 to 5', name: 'ValidationError' });
  if (comment.length > 2000) problems.push({ path: ['comment'], message: 'must be at most 2000 characters', name: 'ValidationError' });
  if (problems.length > 0)
    throw new errors.ValidationError(problems.map((p) => `${p.path[0]}: ${p.message}`).join('; '), { errors: problems });
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
