/**
 * The opening every workflow record's guard shares (orders, contracts, shipments, complaints): the
 * engine's own writes (trusted) pass untouched; a client's copy or delete is refused with the record
 * type's reason (409) or decided by its own rule; reads pass; a client's create or update goes to
 * the type's `write`, which locks, validates and writes. What only the server writes has already
 * been taken out by the gate (./index.ts, domain/server-owned.ts).
 */
import { conflict } from '../platform/errors';
import { isTrustedWrite } from '../platform/trusted-write';
import { Guard, isWrite } from './types';
import { Message } from '../domain/messages';

export interface RecordRules {
  /** Why a client may not copy the record (409); absent: a copy is a write like a create. */
  clone?: Message;
  /** Why a client may not delete the record (409), or the rule that decides. */
  delete: Message | Guard;
  /** A client's create or update (and copy, where `clone` is absent). */
  write: Guard;
}

export const recordGuard =
  (rules: RecordRules): Guard =>
  async (strapi, call, next) => {
    if (isTrustedWrite()) return next();
    if (call.action === 'clone' && rules.clone !== undefined) throw conflict(rules.clone);
    if (call.action === 'delete') {
      if (typeof rules.delete !== 'function') throw conflict(rules.delete);
      return rules.delete(strapi, call, next);
    }
    return isWrite(call.action) ? rules.write(strapi, call, next) : next();
  };
