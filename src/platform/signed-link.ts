/**
 * Signed single-use links a customer opens without an account (a complaint's feedback link, a
 * statement's confirmation link). The token carries the record's documentId and a random nonce,
 * signed (HMAC) with a key derived from the app keys and the link's purpose, so a tampered link is
 * recognised without a database read. Only the token's SHA-256 is stored on the record, with an
 * expiry; one conditional UPDATE clears it when the link is used, so of two answers at once one wins.
 *   tampered, malformed or unknown → 404, used or expired → 410.
 * The token itself is never stored: the mail queued in the outbox carries only a reference
 * (purpose, documentId, nonce), and the worker renders the link when it sends the mail
 * (src/notifications/links.ts). Without the server's key nobody who can read the outbox, the record
 * or the logs can make the signature, so staff cannot answer in the customer's place.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { metaOf } from './table-meta';
import { publicUrl } from './public-url';
import { Worded, message } from '../domain/messages';
import { gone, notFound } from './errors';

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
  noun: Worded;
}

const signingKey = (strapi: Core.Strapi, kind: SignedLinkKind) => {
  const [appKey] = strapi.config.get('server.app.keys') as string[];
  return crypto.createHmac('sha256', appKey).update(kind.purpose).digest();
};
const sign = (strapi: Core.Strapi, kind: SignedLinkKind, payload: string) =>
  crypto.createHmac('sha256', signingKey(strapi, kind)).update(payload).digest('base64url');
const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** What the outbox keeps of a link: enough for the server to render it again, nothing that opens it. */
export interface LinkReference {
  purpose: string;
  documentId: string;
  nonce: string;
}

const tokenOf = (strapi: Core.Strapi, kind: SignedLinkKind, ref: LinkReference) => {
  const payload = `${ref.documentId}.${ref.nonce}`;
  return `${payload}.${sign(strapi, kind, payload)}`;
};

/**
 * A new link for a record: the reference to queue with the mail, and the hash to store on the record
 * (with an expiry) in the same write. The token is not returned: it exists only in the sent mail.
 */
export const newLink = (strapi: Core.Strapi, kind: SignedLinkKind, documentId: string): { ref: LinkReference; hash: string } => {
  const ref = { purpose: kind.purpose, documentId, nonce: crypto.randomBytes(18).toString('base64url') };
  return { ref, hash: sha256(tokenOf(strapi, kind, ref)) };
};

/** The link's URL, rendered by the outbox worker when it sends the mail. */
export const linkUrl = (strapi: Core.Strapi, kind: SignedLinkKind, ref: LinkReference) => {
  return `${publicUrl(strapi)}${kind.path}/${tokenOf(strapi, kind, ref)}`;
};

/** Where a customer's answer came from, kept with it (server-owned). */
export interface AnswerOrigin {
  ip: string | null;
  userAgent: string | null;
}

export const answerOriginOf = (ctx: { ip?: string; get(name: string): string }): AnswerOrigin => ({
  ip: ctx.ip ? ctx.ip.slice(0, 64) : null,
  userAgent: ctx.get('user-agent') ? ctx.get('user-agent').slice(0, 500) : null,
});

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
  const invalid = message('link.invalid', { link: kind.noun });
  // Exactly three base64url parts: anything appended or missing is not one of our links (404).
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) throw notFound(invalid);
  const [documentId, nonce, signature] = parts;
  const expected = sign(strapi, kind, `${documentId}.${nonce}`);
  const valid = signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid) throw notFound(invalid);
  const record = await strapi.db.query(kind.uid).findOne({
    where: { documentId },
    select: [...new Set(['id', 'documentId', ...select, kind.hashField, kind.expiresField])],
  });
  if (!record) throw notFound(invalid);
  if (record[kind.hashField] !== sha256(token)) throw gone(message('link.used', { link: kind.noun }));
  if (!record[kind.expiresField] || new Date(record[kind.expiresField]) < now) throw gone(message('link.expired', { link: kind.noun }));
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
  const spent = await strapi.db.transaction(({ trx }) =>
    trx(meta.table)
      .where({ id: link.id, [column]: link.linkHash })
      .update({ [column]: null })
  );
  if (!spent) throw gone(message('link.used', { link: kind.noun }));
};
