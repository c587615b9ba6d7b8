/** Runs demo work as if a staff member had called the REST API, so the guards see who is acting. */
import type { Core } from '@strapi/strapi';
import type { ParameterizedContext } from 'koa';
import { RoleCode } from '../domain/staff-roles';

export const asStaff = async <T>(strapi: Core.Strapi, user: { id: number; role: RoleCode }, work: () => Promise<T>): Promise<T> => {
  let result: T | undefined;
  await strapi.requestContext.run(
    // A request context with only what the guards read of one: who is signed in, and how.
    {
      state: { user: { id: user.id, role: { type: user.role } }, auth: { strategy: { name: 'users-permissions' } } },
    } as ParameterizedContext,
    async () => {
      result = await work();
    }
  );
  return result as T;
};
