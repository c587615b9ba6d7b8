/** The shape of a Document Service middleware, narrowed to what our guards use. */
import type { Core, UID } from '@strapi/strapi';

export interface DocumentCall {
  uid: UID.ContentType;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown>; [key: string]: unknown };
  /** A write as the client sent it, before the gate removed what only the server writes (src/guards/index.ts). */
  sent?: Record<string, unknown>;
  /** Set when an update changed no field and so was not written (src/guards/index.ts). */
  unchanged?: boolean;
}

export type Guard = (strapi: Core.Strapi, call: DocumentCall, next: () => Promise<unknown>) => Promise<unknown>;

/** Whether a document call writes a new or changed document. */
export const isWrite = (action: string): action is 'create' | 'update' | 'clone' =>
  action === 'create' || action === 'update' || action === 'clone';

export interface AttributeShape {
  type: string;
  component?: UID.Component;
  repeatable?: boolean;
  target?: UID.ContentType;
  mappedBy?: string;
  required?: boolean;
}

/** A record type's or component's attributes, as its schema declares them. */
export const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, AttributeShape> =>
  (strapi.getModel as (uid: string) => { attributes: Record<string, AttributeShape> } | undefined)(uid)?.attributes ?? {};
