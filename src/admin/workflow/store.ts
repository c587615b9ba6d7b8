/**
 * One copy per contract of what the workflow route said, shared by everything on the edit view:
 * the document actions (one content-manager description component per action) and the side panel.
 * One request serves them all, and an action's answer updates all of them at once.
 *
 * It loads with a fetch client of its own: `useFetchClient` aborts its requests when its component
 * unmounts, and a shared load must not die with whichever component happened to start it.
 */
import { getFetchClient } from '@strapi/strapi/admin';
import { contractWorkflowApi, ContractWorkflowView, problemOf } from './api';

export interface WorkflowEntry {
  view?: ContractWorkflowView;
  error?: string;
}

const entries = new Map<string, WorkflowEntry>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

const set = (documentId: string, entry: WorkflowEntry) => {
  entries.set(documentId, entry);
  listeners.forEach((listener) => listener());
};

export const workflowStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },

  get(documentId: string): WorkflowEntry | undefined {
    return entries.get(documentId);
  },

  /** (Re)reads the workflow; calls made while a read is under way share it. */
  load(documentId: string): Promise<void> {
    const pending = loading.get(documentId);
    if (pending) return pending;
    const read = contractWorkflowApi(getFetchClient())
      .describe(documentId)
      .then(
        (view) => set(documentId, { view }),
        // Keep what was shown before: an error on a reload should not blank the panel.
        (error) => set(documentId, { ...entries.get(documentId), error: problemOf(error).message })
      )
      .finally(() => loading.delete(documentId));
    loading.set(documentId, read);
    return read;
  },

  /** What an action's answer says the workflow is now. */
  put(documentId: string, view: ContractWorkflowView) {
    set(documentId, { view });
  },
};
