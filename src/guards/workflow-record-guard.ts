/**
 * Review opinions, workflow history events, seal uses and receivables are written only by the
 * workflow engine: no client may create, change or delete one, not even the super admin in the
 * content manager.
 */
import { forbidden } from '../platform/errors';
import { isTrustedWrite } from '../platform/trusted-write';
import { Guard } from './types';
import { message } from '../domain/messages';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

export const workflowRecordGuard: Guard = async (_strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  throw forbidden({ code: 'workflow.records_server_only' });
};

/**
 * A statement (对账单) is issued by the sales clerk through POST /api/statements, where the server
 * computes every figure, and sent through POST /api/statements/:documentId/send: those are the
 * clerk's create and update. The record itself is never written by a client, in the content
 * manager either (it would be figures nobody computed).
 */
export const statementGuard: Guard = async (_strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  throw forbidden(message('statement.not_written', { issue: 'POST /api/statements', send: 'POST /api/statements/:documentId/send' }));
};
