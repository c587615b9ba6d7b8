/**
 * The customer's feedback link on a replied complaint: opened without an account, it shows only
 * the complaint's number and takes a 1–5 rating and a comment, once. The token carries the
 * complaint's documentId and a random nonce, signed (HMAC) with a key derived from the app keys, so
 * a tampered link is recognised without a database read; only its SHA-256 is stored, with an
 * expiry, and it is cleared when used or when the complaint closes.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { asTrustedWrite } from './trusted-write';

const COMPLAINT = 'api::complaint.complaint';

const signingKey = (strapi: Core.Strapi) => {
  const [appKey] = strapi.config.get('server.app.keys') as string[];
  return crypto.createHmac('sha256', appKey).update('complaint-feedback-link').digest();
};
const sign = (strapi: Core.Strapi, payload: string) => crypto.createHmac('sha256', signingKey(strapi)).update(payload).digest('base64url');
const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export const newFeedbackToken = (strapi: Core.Strapi, documentId: string) => {
  const payload = `${documentId}.${crypto.randomBytes(18).toString('base64url')}`;
  const token = `${payload}.${sign(strapi, payload)}`;
  return { token, hash: sha256(token) };
};

export const feedbackLink = (strapi: Core.Strapi, token: string) => {
  const base = (strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`;
  return `${base.replace(/\/$/, '')}/api/complaints/feedback/${token}`;
};

export interface FeedbackTarget {
  id: number;
  documentId: string;
  number: string;
  state: string;
}

/**
 * The complaint a link opens: 404 when the link is not one of ours (tampered or unknown), 410 when
 * it was used or has expired. Nothing but the number is returned to the customer.
 */
export const openFeedbackLink = async (strapi: Core.Strapi, token: string, now = new Date()): Promise<FeedbackTarget> => {
  const [documentId, nonce, signature] = token.split('.');
  const expected = documentId && nonce ? sign(strapi, `${documentId}.${nonce}`) : '';
  const valid = signature && signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid) throw new errors.NotFoundError('This feedback link is not valid.');
  const complaint = await strapi.db.query(COMPLAINT).findOne({
    where: { documentId },
    select: ['id', 'documentId', 'number', 'state', 'feedbackTokenHash', 'feedbackTokenExpiresAt'],
  });
  if (!complaint) throw new errors.NotFoundError('This feedback link is not valid.');
  if (complaint.feedbackTokenHash !== sha256(token)) throw createHttpError(410, 'This feedback link has already been used.');
  if (!complaint.feedbackTokenExpiresAt || new Date(complaint.feedbackTokenExpiresAt) < now) {
    throw createHttpError(410, 'This feedback link has expired.');
  }
  return { id: complaint.id, documentId: complaint.documentId, number: complaint.number, state: complaint.state };
};

export const parseFeedback = (body: Record<string, unknown>) => {
  const rating = Number(body.rating);
  const comment = body.comment === undefined || body.comment === null ? '' : String(body.comment);
  const problems = [];
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) problems.push({ path: ['rating'], message: 'must be a whole number from 1 to 5', name: 'ValidationError' });
  if (comment.length > 2000) problems.push({ path: ['comment'], message: 'must be at most 2000 characters', name: 'ValidationError' });
  if (problems.length > 0) throw new errors.ValidationError(problems.map((p) => `${p.path[0]}: ${p.message}`).join('; '), { errors: problems });
  return { rating, comment: comment.trim() || null };
};

/** Records the feedback and spends the link, in the caller's transaction; the link works once. */
export const recordFeedback = async (strapi: Core.Strapi, target: FeedbackTarget, feedback: { rating: number; comment: string | null }, now: Date) => {
  const table = strapi.db.metadata.get(COMPLAINT as never).tableName;
  // Spend the token first with a conditional update: of two submissions at once, one wins.
  const spent = await strapi.db.transaction(({ trx }) =>
    trx(table).where({ id: target.id }).whereNotNull('feedback_token_hash').update({ feedback_token_hash: null })
  );
  if (!spent) throw createHttpError(410, 'This feedback link has already been used.');
  await asTrustedWrite(() =>
    strapi.db.query(COMPLAINT).update({
      where: { id: target.id },
      data: { feedbackRating: feedback.rating, feedbackComment: feedback.comment, feedbackAt: now },
    })
  );
};
