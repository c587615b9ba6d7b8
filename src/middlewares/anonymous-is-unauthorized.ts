/**
 * Strapi answers 403 when the Public role lacks a permission, whether or not the caller logged in.
 * For a request without credentials the honest answer is 401 (log in first); 403 stays for staff
 * whose role does not allow the action.
 */
import { errors } from '@strapi/utils';

type Context = { path: string; headers: Record<string, string | undefined>; set: (name: string, value: string) => void };

export default () => async (ctx: Context, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const anonymous = !ctx.headers.authorization;
    if (anonymous && ctx.path.startsWith('/api/') && (error as Error)?.name === 'ForbiddenError') {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new errors.UnauthorizedError('Log in first: this needs a staff account');
    }
    throw error;
  }
};
