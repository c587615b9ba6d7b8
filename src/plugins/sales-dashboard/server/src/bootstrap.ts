/** Registers the dashboard's admin actions; role-sync (app bootstrap, after plugins) grants them. */
import type { Core } from '@strapi/strapi';
import { DASHBOARD_PERMISSIONS, DASHBOARD_PERMISSION_LABELS, DASHBOARD_PLUGIN } from '../../../../domain/dashboard-access';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const { actionProvider } = strapi.service('admin::permission');
  await actionProvider.registerMany(
    DASHBOARD_PERMISSIONS.map((uid) => ({
      section: 'plugins',
      displayName: DASHBOARD_PERMISSION_LABELS[uid],
      uid,
      pluginName: DASHBOARD_PLUGIN,
    }))
  );
};
