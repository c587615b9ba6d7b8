/**
 * The team view (监督): for a supervisor, each member of their team (src/domain/supervision.ts) with
 * their open work counted by kind and how much of it is overdue, and any member's whole list. Each
 * member's list is their own work list (src/my-work/work-list.ts), so the counts are exactly what
 * the member sees; nobody else may ask (403).
 */
import type { Core } from '@strapi/strapi';
import { message } from '../domain/messages';
import { isRoleCode, RoleCode } from '../domain/staff-roles';
import { SUPERVISOR_ROLES, teamRolesOf } from '../domain/supervision';
import { Actor } from '../platform/actor';
import { forbidden, notFound } from '../platform/errors';
import { USER } from '../platform/uids';
import { workList, WorkList } from './work-list';

export interface TeamMember {
  staffId: number;
  name: string;
  role: RoleCode | null;
}

export interface TeamMemberWork extends TeamMember {
  counts: WorkList['counts'];
  more: string[];
}

/** The team of someone holding `roles`: staff users (not blocked) holding a role they supervise, by name. */
export const teamOf = async (strapi: Core.Strapi, roles: readonly RoleCode[]): Promise<TeamMember[]> => {
  const teamRoles = teamRolesOf(roles);
  if (teamRoles.length === 0) return [];
  const users = await strapi.db.query(USER).findMany({
    where: { role: { type: { $in: teamRoles } }, $or: [{ blocked: false }, { blocked: { $null: true } }] },
    select: ['id', 'username', 'displayName'],
    populate: { role: { select: ['type'] } },
    orderBy: [{ displayName: 'asc' }, { username: 'asc' }, { id: 'asc' }],
  });
  return users.map((user: { id: number; username: string; displayName?: string | null; role?: { type?: string } }) => ({
    staffId: user.id,
    name: user.displayName || user.username,
    role: isRoleCode(user.role?.type) ? user.role.type : null,
  }));
};

/** Refuses anyone who supervises nobody. */
export const requireSupervisor = (actor: Actor): void => {
  if (teamRolesOf(actor.roles).length === 0) throw forbidden(message('supervision.forbidden', { roles: SUPERVISOR_ROLES }));
};

/** The member as they act: their staff user and role, so their list is the one they see themselves. */
const actorOf = (member: TeamMember): Actor => ({
  staffUserId: member.staffId,
  roles: member.role ? [member.role] : [],
  via: 'rest',
  superAdmin: false,
});

/** Every member's counts; one member's list after another (measured in tests/integration/team-work.test.ts). */
export const teamWork = async (strapi: Core.Strapi, actor: Actor, now: Date = new Date()): Promise<{ members: TeamMemberWork[] }> => {
  requireSupervisor(actor);
  const members: TeamMemberWork[] = [];
  for (const member of await teamOf(strapi, actor.roles)) {
    const { counts, more } = await workList(strapi, actorOf(member), now);
    members.push({ ...member, counts, more });
  }
  return { members };
};

/** One member's whole work list, as they see it. */
export const memberWork = async (
  strapi: Core.Strapi,
  actor: Actor,
  staffId: string,
  now: Date = new Date()
): Promise<{ member: TeamMember } & WorkList> => {
  requireSupervisor(actor);
  const member = (await teamOf(strapi, actor.roles)).find((candidate) => String(candidate.staffId) === staffId);
  if (!member) throw notFound(message('supervision.not_in_team', { staffId }));
  return { member, ...(await workList(strapi, actorOf(member), now)) };
};
