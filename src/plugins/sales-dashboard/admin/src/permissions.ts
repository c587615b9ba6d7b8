/**
 * The dashboard's admin RBAC actions (registered by the server part at bootstrap). Plugin actions
 * have no subject; the menu link shows when the user holds either read action, each section of the
 * page and each widget only with its own.
 */
import { PLUGIN_ID } from './pluginId';

export const ACTIONS = {
  salesRead: `plugin::${PLUGIN_ID}.sales.read`,
  receivablesRead: `plugin::${PLUGIN_ID}.receivables.read`,
  export: `plugin::${PLUGIN_ID}.export`,
} as const;

export type DashboardAction = (typeof ACTIONS)[keyof typeof ACTIONS];

export const permissionsFor = (...actions: DashboardAction[]) => actions.map((action) => ({ action, subject: null }));
