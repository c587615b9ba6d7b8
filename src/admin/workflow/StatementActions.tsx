/**
 * A statement's (对账单) document actions in its edit view: "Send to customer" (mails the PDF and a
 * fresh confirmation link to the customer's contact, then refreshes the form to show `sent`) and
 * the downloads of the PDF and the XLSX as issued. The server decides who may (the sales clerk
 * sends; every reader downloads) and says why not.
 */
import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { problemOf, workflowApi } from './api';
import { useEditViewDocument } from './hooks';
import { useWorkflowText } from './text';

export const STATEMENT_UID = 'api::statement.statement';

const save = (file: Blob, fileName: string) => {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

const SendStatement: DocumentActionComponent = ({ model, documentId, document: shown }) => {
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const text = useWorkflowText();
  const { refetch } = useEditViewDocument();
  if (model !== STATEMENT_UID || !documentId) return null;
  // Answered statements are not sent again (the server refuses it too).
  if (shown?.state === 'confirmed' || shown?.state === 'disputed') return null;
  return {
    label: text.t(shown?.state === 'sent' ? 'statement.resend' : 'statement.send'),
    variant: 'secondary',
    onClick: async (event: React.SyntheticEvent) => {
      // Not a submit of the edit form (see ./documentActions.tsx).
      event.preventDefault();
      try {
        const { sentTo } = await workflowApi(client).sendStatement(documentId);
        toggleNotification({ type: 'success', message: text.t('statement.sent', { to: sentTo }) });
        refetch();
      } catch (error) {
        toggleNotification({ type: 'danger', message: text.t('statement.failed', { message: problemOf(error).message }) });
      }
      return true;
    },
  };
};
SendStatement.position = 'panel';

const download = (format: 'pdf' | 'xlsx'): DocumentActionComponent => {
  const Download: DocumentActionComponent = ({ model, documentId }) => {
    const client = useFetchClient();
    const { toggleNotification } = useNotification();
    const text = useWorkflowText();
    if (model !== STATEMENT_UID || !documentId) return null;
    return {
      label: text.t(format === 'pdf' ? 'statement.pdf' : 'statement.xlsx'),
      onClick: async (event: React.SyntheticEvent) => {
        event.preventDefault();
        try {
          const { file, fileName } = await workflowApi(client).statementFile(documentId, format);
          save(file, fileName);
        } catch (error) {
          toggleNotification({ type: 'danger', message: text.t('statement.downloadFailed', { message: problemOf(error).message }) });
        }
        return true;
      },
    };
  };
  Download.position = 'panel';
  return Download;
};

export const statementDocumentActions: DocumentActionComponent[] = [SendStatement, download('pdf'), download('xlsx')];
