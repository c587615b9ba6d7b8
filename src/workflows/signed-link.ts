/**
 * Signed single-use links a customer opens without an account (a complaint's feedback link, a
 * statement's confirmation link). The token carries the record's documentId and a random nonce,
 * signed (HMAC) with a key derived from the app keys and the link's purpose, so a tampered link is
 * recognised without a database read. Only the token's SHA-256 is stored on the record, with an
 * expiry; one conditional UPDATE clears it when the link is used, so of two answers at once one wins.
 *   tampered or unknown → 404, used or expired → 410.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { metaOf } from '../statistics/table-meta';

export interface SignedLinkKind {
  /** The record type holding the link. */
  uid: string;
  /** Separates the keys of different links: a feedback token never opens a statement. */
  purpose: string;
  /** The API path the token is appended to, e.g. `/api/complaints/feedback`. */
  path: string;
  /** The attributes holding the token's hash and its expiry. */
  hashField: string;
  expiresField: string;
  /** What the link is called in refusals: "feedback link". */
  noun: string;
}

const signingKey = (strapi: Core.Strapi, kind: SignedLinkKind) => {
  const [appKey] = strapi.config.get('server.app.keys') as string[];
  return crypto.createHmac('sha256', appKey).update(kind.purpose).digest();
};
const sign = (strapi: Core.Strapi, kind: SignedLinkKind, payload: string) =>
  crypto.createHmac('sha256', signingKey(strapi, kind)).update(payload).digest('base64url');
const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A new token for a record, and the hash to store on it (with an expiry) in the same write. */
export const newLinkToken = (strapi: Core.Strapi, kind: SignedLinkKind, documentId: string) => {
  const payload = `${documentId}.${crypto.randomBytes(18).toString('base64url')}`;
  const token = `${payload}.${sign(strapi, kind, payload)}`;
  return { token, hash: sha256(token) };
};

export const linkUrl = (strapi: Core.Strapi, kind: SignedLinkKind, token: string) => {
  const base = (strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`;
  return `${base.replace(/\/$/, '')}${kind.path}/${token}`;
};

export const linkExpiry = (now: Date, days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

/**
 * The record a link opens, with the attributes asked for (and `id`, `documentId`): 404 when the
 * link is not one of ours, 410 when it was used or has expired.
 */
export interface OpenedLink {
  id: number;
  documentId: string;
  /** The hash of the token that opened it: spending checks the link is still this one. */
  linkHash: string;
}

export const openSignedLink = async <T extends OpenedLink>(
  strapi: Core.Strapi,
  kind: SignedLinkKind,
  token: string,
  select: string[],
  now = new Date()
): Promise<T> => {
  const [documentId, nonce, signature] = token.split('.');
  const expected = documentId && nonce ? sign(strapi, kind, `${documentId}.${nonce}`) : '';
  const valid = signature && signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  const invalid = `This ${kind.noun} is not valid.`;
  if (!valid) throw new errors.NotFoundError(invalid);
  const record = await strapi.db.query(kind.uid).findOne({
    where: { documentId },
    select: [...new Set(['id', 'documentId', ...select, kind.hashField, kind.expiresField])],
  });
  if (!record) throw new errors.NotFoundError(invalid);
  if (record[kind.hashField] !== sha256(token)) throw createHttpError(410, `This ${kind.noun} has already been used.`);
  if (!record[kind.expiresField] || new Date(record[kind.expiresField]) < now) throw createHttpError(410, `This ${kind.noun} has expired.`);
  const { [kind.hashField]: linkHash, [kind.expiresField]: _expires, ...rest } = record;
  return { ...rest, linkHash } as T;
};

/**
 * Spends the link in the caller's transaction with one conditional UPDATE (hash still the one that
 * opened it → null): of two submissions at once one wins and the other gets 410, and a link
 * replaced meanwhile (a statement sent again) is not spent by the old one.
 */
export const spendSignedLink = async (strapi: Core.Strapi, kind: SignedLinkKind, link: OpenedLink) => {
  const meta = metaOf(strapi, kind.uid);
  const column = meta.column(kind.hashField);
  const spent = await strapi.db.transaction(({ trx }) => trx(meta.table).where({ id: link.id, [column]: link.linkHash }).update({ [column]: null }));
  if (!spent) throw createHttpError(410, `This ${kind.noun} has already been used.`);
};
