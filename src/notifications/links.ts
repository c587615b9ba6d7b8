/**
 * Customer links in mails, rendered by the worker when it sends: the outbox keeps only a reference
 * per template variable (`links: { feedbackLink: { purpose, documentId, nonce } }` in the payload),
 * never the link, so nobody who can read the outbox (REST, the content manager) can open it. The
 * worker turns each reference into the URL with the server's key (src/platform/signed-link.ts);
 * a retry renders the same link.
 */
import type { Core } from '@strapi/strapi';
import { STATEMENT_LINK } from '../cash-collection/statement-record';
import { FEEDBACK_LINK } from '../workflow-engine/feedback-link';
import { LinkReference, linkUrl, SignedLinkKind } from '../platform/signed-link';
import { storedJson } from '../platform/stored-values';

const KINDS: SignedLinkKind[] = [FEEDBACK_LINK, STATEMENT_LINK];

const kindOf = (purpose: string) => {
  const kind = KINDS.find((candidate) => candidate.purpose === purpose);
  if (!kind) throw new Error(`Unknown link purpose ${purpose}`);
  return kind;
};

/** The template variables the payload's link references stand for, each with its URL. */
export const renderLinks = (strapi: Core.Strapi, wanted: unknown): Record<string, string> => {
  if (!wanted || typeof wanted !== 'object') return {};
  return Object.fromEntries(
    Object.entries(wanted as Record<string, LinkReference>).map(([variable, ref]) => [variable, linkUrl(strapi, kindOf(ref.purpose), ref)])
  );
};

/**
 * Outbox rows queued before links were rendered at send time hold the whole link: each is replaced
 * by its reference (the same link, rendered again when a pending mail is sent), so no stored row
 * keeps a link's secret. Idempotent; run at every start.
 */
export const redactStoredLinks = async (strapi: Core.Strapi, table = 'notifications') => {
  const knex = strapi.db.connection;
  const rows: { id: number; payload: string | Record<string, unknown> | null }[] = await knex(table)
    .where((q) => {
      for (const kind of KINDS) q.orWhereRaw('CAST(payload AS TEXT) LIKE ?', [`%${kind.path}/%`]);
    })
    .select('id', 'payload');
  for (const row of rows) {
    const payload = storedJson<{ links?: Record<string, LinkReference> } & Record<string, unknown>>(row.payload) ?? {};
    const links: Record<string, LinkReference> = { ...(payload.links ?? {}) };
    for (const [variable, value] of Object.entries(payload)) {
      if (typeof value !== 'string') continue;
      const kind = KINDS.find((candidate) => value.includes(`${candidate.path}/`));
      if (!kind) continue;
      const [documentId, nonce] = value.slice(value.indexOf(`${kind.path}/`) + kind.path.length + 1).split('.');
      links[variable] = { purpose: kind.purpose, documentId, nonce };
      delete payload[variable];
    }
    await knex(table)
      .where({ id: row.id })
      .update({ payload: JSON.stringify({ ...payload, links }) });
  }
  return rows.length;
};
