/**
 * Strapi answers 403 when the Public role lacks a permission, whether or not the caller logged in.
 * For a request without credentials the honest answer is 401 (log in first); 403 stays for staff
 * whose role does not allow the action. Strapi's route authorization sets the 403 on the response
 * rather than throwing, so the status is checked after the route has run.
 */
import { message } from '../domain/messages';
import { unauthorized } from '../platform/errors';

type Context = {
  path: string;
  status: number;
  headers: Record<string, string | undefined>;
  set: (name: string, value: string) => void;
};

const refusedAnonymous = (ctx: Context, status: number) => status === 403 && !ctx.headers.authorization && ctx.path.startsWith('/api/');

const logInFirst = (ctx: Context) => {
  ctx.set('WWW-Authenticate', 'Bearer');
  return unauthorized(message('auth.log_in_first'));
};

export default () => async (ctx: Context, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    if ((error as Error)?.name === 'ForbiddenError' && refusedAnonymous(ctx, 403)) throw logInFirst(ctx);
    throw error;
  }
  if (refusedAnonymous(ctx, ctx.status)) throw logInFirst(ctx);
};
