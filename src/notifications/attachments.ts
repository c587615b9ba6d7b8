/**
 * Files attached to a mail, rendered by the worker when it sends: the outbox stores only what to
 * attach (`attachments: [{ kind, ref }]` in the payload), so a queued mail stays small and always
 * carries the document as it is when sent.
 */
import type { Core } from '@strapi/strapi';
import { statementPdf } from '../cash-collection/statement-documents';
import { overdueReportAttachment } from '../cash-collection/overdue-report';
import { lateOrdersAttachment } from '../my-work/late-orders';
import { deliveryNotePdf } from '../shipments/delivery-note';
import { AttachmentKind, isAttachmentKind } from '../platform/outbox';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** How the worker renders each kind of attachment the outbox knows (platform/outbox.ts); one for every kind. */
const RENDERERS: Record<AttachmentKind, (strapi: Core.Strapi, ref: string) => Promise<Attachment>> = {
  'delivery-note': deliveryNotePdf,
  statement: statementPdf,
  // The overdue-payment report as of a day (YYYY-MM-DD).
  'overdue-report': overdueReportAttachment,
  // The whole late-order list (进度交期跟踪) as of a day (YYYY-MM-DD).
  'late-orders': lateOrdersAttachment,
};

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
