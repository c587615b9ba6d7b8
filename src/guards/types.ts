/** The shape of a Document Service middleware, narrowed to what our guards use. */
import type { Core } from '@strapi/strapi';

export interface DocumentCall {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown>; [key: string]: unknown };
}

export type Guard = (strapi: Core.Strapi, call: DocumentCall, next: () => Promise<unknown>) => Promise<unknown>;

/** Whether a document call writes a new or changed document. */
export const isWrite = (action: string): action is 'create' | 'update' | 'clone' =>
  action === 'create' || action === 'update' || action === 'clone';
