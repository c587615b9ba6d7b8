/**
 * Taking workflow actions as a staff member would through REST: `actOn(strapi, member, uid,
 * documentId, action, fields)` reads the record's current version first (unless `version` is
 * given) and posts to /api/<records>/:documentId/workflow/:action; `ok` unwraps a success.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Response } from 'supertest';
import { rest, StaffMember } from './staff';

export const actOn = async (
  strapi: Core.Strapi,
  member: StaffMember,
  uid: UID.ContentType,
  documentId: string,
  action: string,
  fields: Record<string, unknown> = {}
): Promise<Response> => {
  const version = fields.version ?? (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['version'] }))?.version;
  const records = strapi.contentType(uid).info.pluralName;
  return rest(strapi, member).post(`/api/${records}/${documentId}/workflow/${action}`, { data: { version, ...fields } });
};

/** The body of a 200/201 answer; anything else fails with the status and error. */
export const ok = async (answer: Promise<Response>) => {
  const res = await answer;
  if (![200, 201].includes(res.status)) throw new Error(`${res.status} ${JSON.stringify(res.body.error)}`);
  return res.body;
};
