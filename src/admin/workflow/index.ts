/**
 * Puts the workflows into the admin panel: the document actions and the side panel of the edit
 * views of contracts, complaints, orders and shipments (./subjects.ts), a customer's credit record
 * (./CreditRecordPanel.tsx), the ledger export on the contract list view, and a statement's send and
 * download actions. Called from app.tsx's bootstrap.
 */
import type * as React from 'react';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { workflowDocumentActions } from './documentActions';
import { LedgerExportButton } from './LedgerExportButton';
import { statementDocumentActions } from './StatementActions';
import { CreditRecordPanel } from './CreditRecordPanel';
import { WorkflowPanel } from './WorkflowPanel';

interface ContentManager {
  apis: Pick<ContentManagerPlugin['config']['apis'], 'addDocumentAction' | 'addEditViewSidePanel'>;
  injectComponent: (view: 'listView', zone: 'actions', component: { name: string; Component: React.ComponentType }) => void;
}

export const registerWorkflows = (app: { getPlugin: (id: string) => unknown }) => {
  const contentManager = app.getPlugin('content-manager') as ContentManager;
  contentManager.apis.addDocumentAction((actions) => [...actions, ...workflowDocumentActions, ...statementDocumentActions]);
  contentManager.apis.addEditViewSidePanel([WorkflowPanel, CreditRecordPanel]);
  contentManager.injectComponent('listView', 'actions', { name: 'contract-ledger-export', Component: LedgerExportButton });
};

export { workflowTranslations } from './translations';
