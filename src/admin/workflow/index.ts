/**
 * Puts the workflows into the admin panel: the document actions and the side panel of the edit
 * views of contracts, complaints, orders and shipments (./subjects.ts), a customer's credit record
 * (./CreditRecordPanel.tsx), why a won or lost customer need is read-only (./EditingPanel.tsx), the ledger export on the contract list view, and a statement's send and
 * download actions. Called from app.tsx's bootstrap.
 */
import { Briefcase } from '@strapi/icons';
import type { WidgetArgs } from '@strapi/admin/strapi-admin';
import { en, MESSAGE_PREFIX } from './translations';
import type * as React from 'react';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { workflowDocumentActions } from './documentActions';
import { LedgerExportButton } from './LedgerExportButton';
import { MY_WORK_PATH } from './MyWorkWidget';
import { statementDocumentActions } from './StatementActions';
import { CreditRecordPanel } from './CreditRecordPanel';
import { EditingPanel } from './EditingPanel';
import { WorkflowPanel } from './WorkflowPanel';
import { frozenRecordsMiddleware, withoutSaveWhenFrozen } from './read-only';

interface ContentManager {
  apis: Pick<ContentManagerPlugin['config']['apis'], 'addDocumentAction' | 'addEditViewSidePanel'>;
  injectComponent: (view: 'listView', zone: 'actions', component: { name: string; Component: React.ComponentType }) => void;
}

/**
 * The home page opens on what waits for the logged-in person (待办), first. Strapi's "last
 * published entries" (records here are never drafts) and entry-count widgets are left out.
 */
const NOT_SHOWN = ['last-published-entries', 'chart-entries', 'key-statistics'];

interface MyWorkApp {
  widgets: { register: (widgets: (registered: WidgetArgs[]) => WidgetArgs[]) => void };
  addMenuLink: (link: {
    to: string;
    icon: typeof Briefcase;
    intlLabel: { id: string; defaultMessage: string };
    permissions: never[];
    Component: () => Promise<{ default: unknown }>;
  }) => void;
}

const MY_WORK_TITLE = { id: `${MESSAGE_PREFIX}myWork.title`, defaultMessage: en['myWork.title'] };

/** The work list on the home page (its head) and as a page of its own in the menu, for everyone. */
export const registerMyWork = (app: MyWorkApp) => {
  app.widgets.register((registered) => [
    {
      id: 'my-work',
      icon: Briefcase,
      title: MY_WORK_TITLE,
      link: { label: MY_WORK_TITLE, href: `/${MY_WORK_PATH}` },
      component: () => import('./MyWorkWidget').then((module) => module.MyWorkWidget),
    },
    ...registered.filter((widget) => !NOT_SHOWN.includes(widget.id)),
  ]);
  app.addMenuLink({
    to: MY_WORK_PATH,
    icon: Briefcase,
    intlLabel: MY_WORK_TITLE,
    permissions: [],
    Component: () => import('./MyWorkPage'),
  });
};

export const registerWorkflows = (app: { getPlugin: (id: string) => unknown }) => {
  const contentManager = app.getPlugin('content-manager') as ContentManager;
  contentManager.apis.addDocumentAction((actions) => [
    ...actions.map((action) => (action.type === 'update' ? withoutSaveWhenFrozen(action) : action)),
    ...workflowDocumentActions,
    ...statementDocumentActions,
  ]);
  contentManager.apis.addEditViewSidePanel([WorkflowPanel, CreditRecordPanel, EditingPanel]);
  contentManager.injectComponent('listView', 'actions', { name: 'contract-ledger-export', Component: LedgerExportButton });
};

/** Frozen records read-only in their edit views (./read-only.ts): registered before the admin first checks a permission. */
export const registerReadOnlyRecords = (app: { addRBACMiddleware: (middleware: typeof frozenRecordsMiddleware) => void }) => {
  app.addRBACMiddleware(frozenRecordsMiddleware);
};

export { workflowTranslations } from './translations';
