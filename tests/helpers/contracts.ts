/**
 * Contracts in tests: a drafted contract through REST, and the workflow calls a staff member makes
 * (`act(member, contract, 'submit', { ... })` reads the current version first, as a client would).
 */
import type { Core } from '@strapi/strapi';
import { Doc } from './fixtures';
import { rest, StaffMember } from './staff';
import { actOn } from './workflow';
import { CONTRACT } from '../../src/platform/uids';

export const draftContract = async (strapi: Core.Strapi, member: StaffMember, data: Record<string, unknown>): Promise<Doc> => {
  const res = await rest(strapi, member).post('/api/contracts?populate=lines', { data });
  if (res.status !== 201) throw new Error(`contract was not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

export const workflowOf = async (strapi: Core.Strapi, member: StaffMember, documentId: string) => {
  const res = await rest(strapi, member).get(`/api/contracts/${documentId}/workflow`);
  if (res.status !== 200) throw new Error(`workflow not readable: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

/** Takes an action from the version currently stored (unless `version` is given). */
export const act = (strapi: Core.Strapi, member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
  actOn(strapi, member, CONTRACT, documentId, action, fields);

export const stateOf = async (strapi: Core.Strapi, documentId: string): Promise<string> =>
  (await strapi.db.query(CONTRACT).findOne({ where: { documentId }, select: ['state'] })).state;
