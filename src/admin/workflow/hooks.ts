/**
 * Hooks of the workflow screens: the workflow of a record (shared through ./store.ts), the record
 * open in the edit view, and taking an action on it, which afterwards refreshes the edit view's
 * document (or opens a contract's new revision) and tells the user how it went.
 */
import * as React from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { unstable_useDocument, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { problemOf, workflowApi } from './api';
import { workflowStore } from './store';
import type { SubjectCode } from './subjects';
import { useWorkflowText } from './text';

/** The workflow of one record; `documentId` undefined (another record type, a new entry) reads nothing. */
export const useWorkflow = (subject: SubjectCode, documentId: string | undefined) => {
  const entry = React.useSyncExternalStore(workflowStore.subscribe, () =>
    documentId ? workflowStore.get(subject, documentId) : undefined
  );
  // Read afresh on every visit: someone else may have acted since the copy we hold.
  React.useEffect(() => {
    if (documentId) void workflowStore.load(subject, documentId);
  }, [subject, documentId]);
  return { view: entry?.view, error: entry?.error, isLoading: Boolean(documentId) && !entry?.view && !entry?.error };
};

/**
 * The query parameters under which the edit view fetched its document: its `buildValidParams`
 * (not exported through @strapi/strapi/admin) lifts `plugins[...]` options to the top level. The
 * same parameters make our reads hit the edit view's own cached query, so a refetch shows the
 * new state in the form.
 */
const editViewParams = (query: Record<string, unknown>) => {
  const { plugins, ...rest } = query;
  const lifted = Object.values((plugins as Record<string, unknown>) ?? {}).filter(
    (options): options is Record<string, unknown> => typeof options === 'object' && options !== null
  );
  return Object.assign(rest, ...lifted);
};

/** The edit view's route id of an entry not saved yet (`…/:slug/create`): no document to read. */
const NEW_ENTRY = 'create';

/**
 * The record open in the edit view (`:collectionType/:slug/:id`), from the edit view's own query.
 * On the Create page there is none: `documentId` is empty and nothing is fetched (a fetch of
 * `…/create` is a 404, which the content manager shows as a "Not Found" toast).
 */
export const useEditViewDocument = () => {
  const { collectionType = '', slug: model = '', id = '' } = useParams();
  const documentId = id === NEW_ENTRY ? '' : id;
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => editViewParams({ ...query }), [query]);
  const { document, refetch } = unstable_useDocument({ collectionType, model, documentId, params }, { skip: !documentId });
  return { collectionType, model, documentId, document: document as Record<string, unknown> | undefined, refetch };
};

export interface ActionOutcome {
  ok: boolean;
  fieldErrors: Record<string, string>;
}

/**
 * Takes workflow actions on the record open in the edit view, always as of the version last read,
 * so that a change made meanwhile is refused (409), not overwritten.
 */
export const useWorkflowAction = (subject: SubjectCode) => {
  const { collectionType, model, documentId, refetch } = useEditViewDocument();
  const client = useFetchClient();
  const api = React.useMemo(() => workflowApi(client), [client]);
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const text = useWorkflowText(subject);
  const [isRunning, setRunning] = React.useState(false);

  const run = React.useCallback(
    async (action: string, input: Record<string, unknown>): Promise<ActionOutcome & { newRevision?: string }> => {
      const version = workflowStore.get(subject, documentId)?.view?.version;
      if (version === undefined) return { ok: false, fieldErrors: {} };
      setRunning(true);
      try {
        const answer = await api.act(subject, documentId, action, { ...input, version });
        workflowStore.put(subject, documentId, answer.data);
        toggleNotification({ type: 'success', message: text.t('notification.done', { action: text.action(action) }) });
        const newRevision = answer.meta?.newRevision;
        if (newRevision) navigate(`/content-manager/${collectionType}/${model}/${newRevision}`);
        else refetch();
        return { ok: true, fieldErrors: {}, newRevision };
      } catch (error) {
        const problem = problemOf(error);
        toggleNotification({ type: 'danger', message: problem.message });
        // Someone moved the record on: show what may be done now.
        if (problem.status === 409) void workflowStore.load(subject, documentId);
        return { ok: false, fieldErrors: problem.fieldErrors };
      } finally {
        setRunning(false);
      }
    },
    [api, collectionType, documentId, model, navigate, refetch, subject, text, toggleNotification]
  );

  return { run, isRunning };
};
