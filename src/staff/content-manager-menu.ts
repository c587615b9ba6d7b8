/**
 * Each staff member's content manager menu lists the record types their roles work with
 * (src/domain/role-menus.ts), not every type they may read. The admin panel builds the menu from
 * the content manager's init data, showing the types marked `isDisplayed`; the plugin's
 * `getInitData` action marks the others not displayed for the caller. Nothing else reads that
 * mark: the types stay readable through their lists, edit views, relation pickers and panels
 * (an address typed or a link followed still opens them). Administrators — anyone holding a role
 * outside the department's — see every type.
 */
import { menuOf } from '../domain/role-menus';
import { isRoleCode } from '../domain/staff-roles';
import { RECORD_UIDS } from './role-sync';

interface Koa {
  state: { user?: { roles?: { code?: string }[] } };
  body: unknown;
}
interface InitData {
  data: { contentTypes: { uid: string; isDisplayed: boolean }[] };
}
export interface InitController {
  controllers: { init: { getInitData: (this: unknown, ctx: Koa) => unknown } };
}

/** The uids the caller's menu lists, or null when it lists all (an administrator). */
const menuUidsOf = (ctx: Koa): Set<string> | null => {
  const codes = (ctx.state.user?.roles ?? []).map((role) => role.code);
  if (codes.length === 0 || !codes.every(isRoleCode)) return null;
  return new Set([...menuOf(codes)].map((record) => RECORD_UIDS[record]));
};

export const menusByRole = (plugin: InitController): void => {
  const getInitData = plugin.controllers.init.getInitData;
  plugin.controllers.init.getInitData = async function (this: unknown, ctx: Koa) {
    await getInitData.call(this, ctx);
    const uids = menuUidsOf(ctx);
    if (!uids) return;
    const body = ctx.body as InitData;
    for (const type of body.data.contentTypes) {
      if (!uids.has(type.uid)) type.isDisplayed = false;
    }
  };
};
