/**
 * "Export ledger (XLSX)" on the contract list view: downloads the contract ledger
 * (GET /workflows/contract-ledger?format=xlsx) as the file the server names.
 */
import * as React from 'react';
import { useParams } from 'react-router-dom';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { saveFile } from '../files';
import { problemOf, workflowApi } from './api';
import { CONTRACT_UID } from './subjects';
import { useWorkflowText } from './text';

export const LedgerExportButton = () => {
  // The list view's injection zone passes no props: the model is in the route (`collection-types/:slug`).
  const { slug } = useParams();
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const text = useWorkflowText();
  const [isExporting, setExporting] = React.useState(false);
  if (slug !== CONTRACT_UID) return null;

  const exportLedger = async () => {
    setExporting(true);
    try {
      const { file, fileName } = await workflowApi(client).ledger('xlsx');
      saveFile(file, fileName);
    } catch (error) {
      toggleNotification({ type: 'danger', message: text.t('ledger.failed', { message: problemOf(error).message }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button variant="secondary" startIcon={<Download />} onClick={exportLedger} loading={isExporting}>
      {text.t('ledger.export')}
    </Button>
  );
};
