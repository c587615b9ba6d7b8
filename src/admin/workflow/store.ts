/**
 * One copy per record of what the workflow route said, shared by everything on the edit view:
 * the document actions (one content-manager description component per action) and the side panel.
 * One request serves them all, and an action's answer updates all of them at once.
 *
 * It loads with a fetch client of its own: `useFetchClient` aborts its requests when its component
 * unmounts, and a shared load must not die with whichever component happened to start it.
 */
import { getFetchClient } from '@strapi/strapi/admin';
import { problemOf, workflowApi, WorkflowView } from './api';
import type { SubjectCode } from './subjects';

export interface WorkflowEntry {
  view?: WorkflowView;
  error?: string;
}

const entries = new Map<string, WorkflowEntry>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

const keyOf = (subject: SubjectCode, documentId: string) => `${subject}/${documentId}`;

const set = (key: string, entry: WorkflowEntry) => {
  entries.set(key, entry);
  listeners.forEach((listener) => listener());
};

export const workflowStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },

  get(subject: SubjectCode, documentId: string): WorkflowEntry | undefined {
    return entries.get(keyOf(subject, documentId));
  },

  /** (Re)reads the workflow; calls made while a read is under way share it. */
  load(subject: SubjectCode, documentId: string): Promise<void> {
    const key = keyOf(subject, documentId);
    const pending = loading.get(key);
    if (pending) return pending;
    const read = workflowApi(getFetchClient())
      .describe(subject, documentId)
      .then(
        (view) => set(key, { view }),
        // Keep what was shown before: an error on a reload should not blank the panel.
        (error) => set(key, { ...entries.get(key), error: problemOf(error).message })
      )
      .finally(() => loading.delete(key));
    loading.set(key, read);
    return read;
  },

  /** What an action's answer says the workflow is now. */
  put(subject: SubjectCode, documentId: string, view: WorkflowView) {
    set(keyOf(subject, documentId), { view });
  },
};
