/**
 * A record the server would refuse to save is shown read-only: in its edit view the admin's RBAC
 * middleware takes away the content manager's `update` (and `delete`) of that one document, so
 * Strapi itself renders every input, relation and component disabled; a record only partly
 * editable (a confirmed order) keeps `update` for its editable fields only. What is editable is
 * the server's own rule (src/domain/record-editing.ts), read from GET /workflows/<subject>/:id
 * (`editing`, shared with the side panel through ./store.ts), for the records no client ever
 * edits from the rule's table, and for a record ruled by a state of its own (a customer need: won
 * or lost) from GET /workflows/need/:id, the same rule.
 *
 * The content manager asks once per edit view: it does not ask again when the user goes to another
 * record in the same view or when an action moves the record on. `useReadOnlyFollowsRecord` notices
 * that the answer given no longer fits and changes the page's `editing` query parameter, the one
 * change that makes the content manager ask again (its DocumentRBAC follows the query string).
 */
import * as React from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { getFetchClient } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { EDITABLE, type Editing, NEVER_EDITED } from '../../domain/record-editing';
import { narrowedPermissions, type Permission, recordOfPath } from './read-only-permissions';
import type { WorkflowView } from './api';
import { useWorkflow } from './hooks';
import { workflowStore } from './store';
import { SubjectCode, workflowOf } from './subjects';

/** The query parameter whose change makes the content manager check the permissions again. */
const EDITING_PARAMETER = 'editing';

/** A workflow subject whose route answers `editing` (payments are in NEVER_EDITED). */
const editedSubjectOf = (uid: string): SubjectCode | null => {
  const subject = workflowOf(uid)?.subject;
  return subject && subject !== 'payment' ? subject : null;
};

/**
 * Records without a workflow whose editing follows from a state of their own: the route that
 * answers it (GET /workflows/<route>/:documentId: `{ status, editing }`; the content manager's
 * document lacks a field called `status`) and the field, for its word.
 */
export const RULED_BY_OWN_STATE: Readonly<Record<string, { route: string; field: string }>> = {
  'api::customer-need.customer-need': { route: 'need', field: 'status' },
};

export interface OwnState {
  status: string;
  editing: Editing;
}

/** The last answer per record, for the Save action, which renders after the middleware asked. */
const ownStates = new Map<string, OwnState>();

/** What the server last said of a record's own state, if it was asked. */
export const ownStateKnown = (documentId: string): OwnState | undefined => ownStates.get(documentId);

/** Reads a record's own state and editing from the server (and keeps it for Save). */
export const readOwnState = async (uid: string, documentId: string): Promise<OwnState | undefined> => {
  const rule = RULED_BY_OWN_STATE[uid];
  if (!rule) return undefined;
  const { data } = await getFetchClient().get<{ data: OwnState }>(`/workflows/${rule.route}/${encodeURIComponent(documentId)}`);
  ownStates.set(documentId, data.data);
  return data.data;
};

/** The editing of a record, without asking when the rule's table answers alone; undefined: no rule (edited as Strapi allows). */
const editingOfRecord = async (uid: string, documentId: string): Promise<Editing | undefined> => {
  const kept = NEVER_EDITED[uid];
  if (kept) return { scope: 'none', reason: kept };
  if (RULED_BY_OWN_STATE[uid]) return (await readOwnState(uid, documentId))?.editing;
  const subject = editedSubjectOf(uid);
  if (!subject) return undefined;
  await workflowStore.load(subject, documentId);
  return workflowStore.get(subject, documentId)?.view?.editing;
};

/** How an answer is compared: the scope and the fields it leaves. */
const editingKey = (editing: Editing | undefined) =>
  !editing || editing.scope === 'all' ? 'all' : editing.scope === 'some' ? `some:${editing.fields.join(',')}` : 'none';

/** The answer the middleware last gave an edit view, for the record it was about. */
let lastAnswer: { documentId: string; key: string } | null = null;

type Middleware = (ctx: {
  pathname: string;
}) => (next: (permissions: Permission[]) => Promise<Permission[]>) => (permissions: Permission[]) => Promise<Permission[]>;

export const frozenRecordsMiddleware: Middleware = (ctx) => (next) => async (permissions) => {
  const record = recordOfPath(ctx.pathname);
  if (!record || !permissions.some((permission) => permission.subject === record.uid)) return next(permissions);
  // A failed read narrows nothing: the server still refuses what it refuses.
  const editing = await editingOfRecord(record.uid, record.documentId).catch(() => undefined);
  lastAnswer = { documentId: record.documentId, key: editingKey(editing) };
  return next(narrowedPermissions(permissions, record.uid, editing));
};

/**
 * In an edit view: when the record shown (another one, or this one moved on by an action or a
 * save) is not what the content manager's last answer was about, ask it again. `shown` is what the
 * page knows of the record (undefined while loading): its editing and a mark of its revision.
 */
export const useReadOnlyFollowsRecord = (documentId: string, shown: { editing?: Editing; revision: string | number } | undefined) => {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const key = editingKey(shown?.editing ?? EDITABLE);
  const revision = shown?.revision;
  React.useEffect(() => {
    if (revision === undefined || (lastAnswer?.documentId === documentId && lastAnswer.key === key)) return;
    const query = new URLSearchParams(search);
    const asked = `${documentId}.${revision}`;
    if (query.get(EDITING_PARAMETER) === asked) return;
    query.set(EDITING_PARAMETER, asked);
    navigate({ pathname, search: `?${query.toString()}` }, { replace: true });
  }, [documentId, key, navigate, pathname, search, revision]);
};

/** The editing of the record open in the edit view, as the panel shows it; undefined while unknown. */
export const editingShown = (uid: string, view: WorkflowView | undefined, documentId?: string): Editing | undefined => {
  const kept = NEVER_EDITED[uid];
  if (kept) return { scope: 'none', reason: kept };
  return RULED_BY_OWN_STATE[uid] ? (documentId ? ownStateKnown(documentId)?.editing : undefined) : view?.editing;
};

/**
 * The content manager's Save without its button on a frozen record: its inputs are disabled already,
 * and a greyed Save next to the workflow actions reads as "something is wrong with the form".
 */
export const withoutSaveWhenFrozen = (save: DocumentActionComponent): DocumentActionComponent => {
  const Save: DocumentActionComponent = (props) => {
    const subject = editedSubjectOf(props.model);
    const { view } = useWorkflow(subject ?? 'contract', subject ? props.documentId : undefined);
    const answer = save(props);
    const editing = editingShown(props.model, view, props.documentId);
    return props.documentId && editing?.scope === 'none' ? null : answer;
  };
  return Object.assign(Save, { type: save.type, position: save.position });
};
