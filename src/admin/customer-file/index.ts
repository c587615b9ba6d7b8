/**
 * Puts the customer file (客户档案) into the admin panel: a menu entry to its page (search, then
 * the file) for whoever reads customers, and its side panel on a customer's edit view.
 */
import { Folder } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { CustomerFilePanel } from './CustomerFilePanel';
import { FILE_PATH } from './paths';
import { FILE_PREFIX, fileEn } from './translations';

interface MenuApp {
  addMenuLink: (link: {
    to: string;
    icon: typeof Folder;
    intlLabel: { id: string; defaultMessage: string };
    permissions: { action: string; subject: string }[];
    Component: () => Promise<{ default: unknown }>;
  }) => void;
}

export const registerCustomerFileMenu = (app: MenuApp) =>
  app.addMenuLink({
    to: FILE_PATH,
    icon: Folder,
    intlLabel: { id: `${FILE_PREFIX}menu.title`, defaultMessage: fileEn['menu.title'] },
    permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::customer.customer' }],
    Component: () => import('./CustomerFilePage'),
  });

export const registerCustomerFilePanel = (app: { getPlugin: (id: string) => unknown }) => {
  const contentManager = app.getPlugin('content-manager') as { apis: Pick<ContentManagerPlugin['config']['apis'], 'addEditViewSidePanel'> };
  contentManager.apis.addEditViewSidePanel([CustomerFilePanel]);
};

export { fileTranslations } from './translations';
