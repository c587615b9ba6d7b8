/**
 * Hooks of the contract workflow screens: the workflow of a contract (shared through ./store.ts)
 * and taking an action on the contract open in the edit view, which afterwards refreshes the edit
 * view's document (or opens the new revision) and tells the user how it went.
 */
import * as React from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { unstable_useDocument, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { ContractAction } from '../../domain/contract-review';
import { contractWorkflowApi, problemOf } from './api';
import { workflowStore } from './store';
import { useWorkflowText } from './text';

/** The workflow of one contract; `documentId` undefined (another record, a new entry) reads nothing. */
export const useContractWorkflow = (documentId: string | undefined) => {
  const entry = React.useSyncExternalStore(workflowStore.subscribe, () => (documentId ? workflowStore.get(documentId) : undefined));
  // Read afresh on every visit: someone else may have acted since the copy we hold.
  React.useEffect(() => {
    if (documentId) void workflowStore.load(documentId);
  }, [documentId]);
  return { view: entry?.view, error: entry?.error, isLoading: Boolean(documentId) && !entry?.view && !entry?.error };
};

/**
 * The query parameters under which the edit view fetched its document: its `buildValidParams`
 * (not exported through @strapi/strapi/admin) lifts `plugins[...]` options to the top level. The
 * same parameters make our refetch hit the edit view's own cached query, so the form shows the
 * new state.
 */
const editViewParams = (query: Record<string, unknown>) => {
  const { plugins, ...rest } = query;
  const lifted = Object.values((plugins as Record<string, unknown>) ?? {}).filter(
    (options): options is Record<string, unknown> => typeof options === 'object' && options !== null
  );
  return Object.assign(rest, ...lifted);
};

export interface ActionOutcome {
  ok: boolean;
  fieldErrors: Record<string, string>;
}

/**
 * Takes workflow actions on the contract open in the edit view (`:collectionType/:slug/:id`),
 * always as of the version last read, so that a change made meanwhile is refused (409), not overwritten.
 */
export const useContractAction = () => {
  const { collectionType = '', slug: model = '', id: documentId = '' } = useParams();
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => editViewParams({ ...query }), [query]);
  const { refetch } = unstable_useDocument({ collectionType, model, documentId, params });
  const client = useFetchClient();
  const api = React.useMemo(() => contractWorkflowApi(client), [client]);
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const text = useWorkflowText();
  const [isRunning, setRunning] = React.useState(false);

  const run = React.useCallback(
    async (action: ContractAction, input: Record<string, unknown>): Promise<ActionOutcome & { newRevision?: string }> => {
      const version = workflowStore.get(documentId)?.view?.version;
      if (version === undefined) return { ok: false, fieldErrors: {} };
      setRunning(true);
      try {
        const answer = await api.act(documentId, action, { ...input, version });
        workflowStore.put(documentId, answer.data);
        toggleNotification({ type: 'success', message: text.t('notification.done', { action: text.action(action) }) });
        const newRevision = answer.meta?.newRevision;
        if (newRevision) navigate(`/content-manager/${collectionType}/${model}/${newRevision}`);
        else refetch();
        return { ok: true, fieldErrors: {}, newRevision };
      } catch (error) {
        const problem = problemOf(error);
        toggleNotification({ type: 'danger', message: problem.message });
        // Someone moved the contract on: show what may be done now.
        if (problem.status === 409) void workflowStore.load(documentId);
        return { ok: false, fieldErrors: problem.fieldErrors };
      } finally {
        setRunning(false);
      }
    },
    [api, collectionType, documentId, model, navigate, refetch, text, toggleNotification]
  );

  return { run, isRunning };
};
