/**
 * What the shipment side panel adds: "Print delivery note", which opens the shipment's delivery
 * note (出货单) PDF in a new tab. The PDF needs the admin's token, so it is fetched
 * (GET /workflows/shipment/:documentId/delivery-note.pdf) and shown from a blob URL.
 */
import * as React from 'react';
import { Button } from '@strapi/design-system';
import { FilePdf } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { problemOf, workflowApi } from './api';
import type { WorkflowText } from './text';

export const ShipmentDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const [isLoading, setLoading] = React.useState(false);
  const documentId = document?.documentId as string | undefined;
  if (!documentId) return null;

  const print = async () => {
    // Opened during the click: a tab opened after the download would count as a pop-up and be blocked.
    const tab = window.open('', '_blank');
    setLoading(true);
    try {
      const { file } = await workflowApi(client).deliveryNote(documentId);
      const url = URL.createObjectURL(file);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      // Revoked later: the tab reads the URL after we hand it over.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      toggleNotification({ type: 'danger', message: text.t('deliveryNote.failed', { message: problemOf(error).message }) });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Button variant="secondary" startIcon={<FilePdf />} onClick={print} loading={isLoading}>
      {text.t('deliveryNote.print')}
    </Button>
  );
};
