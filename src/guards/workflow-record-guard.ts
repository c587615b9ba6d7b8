/**
 * Review opinions, workflow history events, seal uses and receivables are written only by the
 * workflow engine: no client may create, change or delete one, not even the super admin in the
 * content manager.
 */
import { forbidden } from './errors';
import { isTrustedWrite } from '../workflows/trusted-write';
import { Guard } from './types';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

export const workflowRecordGuard: Guard = async (_strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  throw forbidden('workflow records are written only by workflow actions and are never changed or deleted');
};
