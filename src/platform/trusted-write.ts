/**
 * Marks the writes the server itself has checked: a workflow step taken by the engine, or a client
 * write a guard has let through. The database lifecycle hooks refuse every other write of workflow
 * records (src/workflow-engine/last-line.ts), so a service call that skips the Document Service and the
 * engine cannot change a state, an opinion or the history.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const trusted = new AsyncLocalStorage<true>();

export const asTrustedWrite = <T>(write: () => Promise<T>): Promise<T> => trusted.run(true, write);

export const isTrustedWrite = (): boolean => trusted.getStore() === true;
