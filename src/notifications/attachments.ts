/**
 * Files attached to a mail, rendered by the worker when it sends: the outbox stores only what to
 * attach (`attachments: [{ kind, ref }]` in the payload), so a queued mail stays small and always
 * carries the document as it is when sent.
 */
import type { Core } from '@strapi/strapi';
import { statementPdf } from '../collection/statement-documents';
import { overdueReportAttachment } from '../collection/overdue-report';
import { deliveryNotePdf } from '../shipments/delivery-note';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

const RENDERERS = {
  'delivery-note': deliveryNotePdf,
  statement: statementPdf,
  // The overdue-payment report as of a day (YYYY-MM-DD).
  'overdue-report': overdueReportAttachment,
} satisfies Record<string, (strapi: Core.Strapi, ref: string) => Promise<Attachment>>;

/** What a mail may attach; its payload names it as `attachments: [{ kind, ref }]`. */
export type AttachmentKind = keyof typeof RENDERERS;
export interface AttachmentRef {
  kind: AttachmentKind;
  /** What to render, e.g. a documentId or a day. */
  ref: string;
}

const isAttachmentKind = (kind: string): kind is AttachmentKind => Object.hasOwn(RENDERERS, kind);

export const renderAttachments = async (strapi: Core.Strapi, wanted: unknown): Promise<Attachment[]> => {
  if (!Array.isArray(wanted)) return [];
  return Promise.all(
    wanted.map(({ kind, ref }: { kind: string; ref: string }) => {
      const render = isAttachmentKind(kind) ? RENDERERS[kind] : undefined;
      if (!render) throw new Error(`Unknown attachment kind ${kind}`);
      return render(strapi, ref);
    })
  );
};
