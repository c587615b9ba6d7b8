/**
 * Where the server is reached from outside (`server.url`, env PUBLIC_URL), for links in mails: a
 * customer's signed link (./signed-link.ts) and the admin-panel page of a record in staff mail.
 * Without PUBLIC_URL both point at http://localhost:PORT, fine for development only.
 */
import type { Core, UID } from '@strapi/strapi';

/**
 * The record a staff mail is about; `documentId: null` for a mail about many of them (a report): the
 * type's list; or a page of the admin panel of its own (`my-work` for the daily digest).
 */
export type AdminRecord = { uid: UID.ContentType; documentId: string | null } | { page: string };

/** The server's public base URL, without a trailing slash. */
export const publicUrl = (strapi: Core.Strapi): string =>
  ((strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`).replace(/\/+$/, '');

/**
 * The admin panel's URL: Strapi derives `admin.url` from `server.url` (`<PUBLIC_URL>/admin`), or it
 * is absolute when the panel is served from elsewhere.
 */
export const adminPanelUrl = (strapi: Core.Strapi): string => {
  const admin = String(strapi.config.get('admin.url', '/admin')).replace(/\/+$/, '');
  return /^https?:\/\//.test(admin) ? admin : `${publicUrl(strapi)}${admin.startsWith('/') ? admin : `/${admin}`}`;
};

/** The content manager's page of the record (its edit view), or of the type's list; or the panel's page named. */
export const adminRecordUrl = (strapi: Core.Strapi, record: AdminRecord): string => {
  if ('page' in record) return `${adminPanelUrl(strapi)}/${record.page}`;
  const list = `${adminPanelUrl(strapi)}/content-manager/collection-types/${record.uid}`;
  return record.documentId ? `${list}/${encodeURIComponent(record.documentId)}` : list;
};
