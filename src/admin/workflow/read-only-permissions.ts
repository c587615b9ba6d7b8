/**
 * The pure part of the read-only edit view (./read-only.ts): which record an edit-view path shows,
 * and the content manager's permissions narrowed to what the record's editing allows.
 */
import type { Editing } from '../../domain/record-editing';

const EDIT_VIEW = /\/content-manager\/collection-types\/([^/]+)\/([^/]+)\/?$/;
const NEW_ENTRY = 'create';
const UPDATE = 'plugin::content-manager.explorer.update';
const DELETE = 'plugin::content-manager.explorer.delete';

export interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | null; [key: string]: unknown };
  [key: string]: unknown;
}

/** The record an edit-view path shows, if any. */
export const recordOfPath = (pathname: string): { uid: string; documentId: string } | null => {
  const match = EDIT_VIEW.exec(pathname);
  if (!match || match[2] === NEW_ENTRY) return null;
  return { uid: decodeURIComponent(match[1]), documentId: decodeURIComponent(match[2]) };
};

/** The content manager's permissions on `uid` narrowed to what `editing` allows. */
export const narrowedPermissions = (permissions: Permission[], uid: string, editing: Editing | undefined): Permission[] => {
  if (!editing || editing.scope === 'all') return permissions;
  return permissions.flatMap((permission) => {
    if (permission.subject !== uid) return [permission];
    if (permission.action === DELETE) return [];
    if (permission.action !== UPDATE) return [permission];
    if (editing.scope === 'none') return [];
    const granted = permission.properties?.fields;
    const fields = editing.fields.filter((field) => !granted || granted.includes(field));
    return [{ ...permission, properties: { ...permission.properties, fields } }];
  });
};
