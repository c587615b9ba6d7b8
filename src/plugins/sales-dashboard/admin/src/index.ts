/**
 * The dashboard's admin part: the menu link to the page (shown with either read permission; the
 * page and chart.js load only when opened), the two homepage widgets, and the texts in en and
 * zh-Hans. Strapi builds it from source: the plugin's package.json exports `./strapi-admin` here.
 */
import { ChartPie, Clock, TrendUp } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, permissionsFor } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { dashboardTranslations, en, MessageKey, messageId } from './translations';

const message = (key: MessageKey) => ({ id: messageId(key), defaultMessage: en[key] });

export const DASHBOARD_PATH = `plugins/${PLUGIN_ID}`;

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: en['plugin.name'] });

    app.addMenuLink({
      to: DASHBOARD_PATH,
      icon: ChartPie,
      intlLabel: message('plugin.name'),
      // Either one: the page shows the sections the user may read.
      permissions: permissionsFor(ACTIONS.salesRead, ACTIONS.receivablesRead),
      Component: () => import('./pages/DashboardPage'),
    });

    const link = { label: message('widget.link'), href: `/${DASHBOARD_PATH}` };
    app.widgets.register([
      {
        id: 'sales-month',
        pluginId: PLUGIN_ID,
        icon: TrendUp,
        title: message('widget.salesMonth.title'),
        link,
        permissions: permissionsFor(ACTIONS.salesRead),
        component: () => import('./widgets/SalesMonthWidget').then((module) => module.SalesMonthWidget),
      },
      {
        id: 'receivables-overdue',
        pluginId: PLUGIN_ID,
        icon: Clock,
        title: message('widget.overdue.title'),
        link,
        permissions: permissionsFor(ACTIONS.receivablesRead),
        component: () => import('./widgets/ReceivablesOverdueWidget').then((module) => module.ReceivablesOverdueWidget),
      },
    ]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.filter((locale) => locale in dashboardTranslations).map((locale) => ({ locale, data: dashboardTranslations[locale] }));
  },
};
