/**
 * The customer file's side panel on a customer's edit view: the warnings a person taking a call
 * must see first (credit hold, overdue), the open orders and how many are late, complaints, due
 * follow-ups, and the way to the whole file (./CustomerFilePage.tsx).
 */
import * as React from 'react';
import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { problemOf } from '../workflow/api';
import { CustomerFile, customerFileApi } from './api';
import { FILE_PATH } from './paths';
import { useFileText } from './text';

const Summary = ({ documentId }: { documentId: string }) => {
  const text = useFileText();
  const client = useFetchClient();
  const [file, setFile] = React.useState<CustomerFile | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    // One row per list: the counts come over the whole lists, and the newest contact is the only one whose follow-up can be due.
    customerFileApi(client)
      .file(documentId, 1)
      .then((answer) => live && setFile(answer))
      .catch((failure: unknown) => live && setProblem(problemOf(failure).message));
    return () => {
      live = false;
    };
  }, [client, documentId]);
  if (problem) return <Typography textColor="danger600">{text.t('file.loadFailed', { message: problem })}</Typography>;
  if (!file) return <Typography variant="pi">{text.t('file.loading')}</Typography>;
  const { header } = file;
  const complaints = file.complaints;
  const followUps = file.contacts?.log?.items.filter((entry) => entry.followUpDue).length ?? 0;
  return (
    <Flex role="region" aria-label={text.t('panel.title')} direction="column" alignItems="stretch" gap={3} width="100%">
      {header.warnings.includes('creditHold') ? (
        <Badge variant="danger">{text.t('warning.creditHold', { reason: header.creditHoldReason ?? '—' })}</Badge>
      ) : null}
      {header.warnings.includes('overdue') ? (
        <Badge variant="warning">
          {text.t('warning.overdue', {
            amount: header.balances
              .filter((b) => Number(b.overdue) > 0)
              .map((b) => text.money(b.overdue, b.currency))
              .join(', '),
          })}
        </Badge>
      ) : null}
      {file.orders ? (
        <Typography variant="omega">
          {text.t('panel.openOrders', {
            count: file.orders.open.pagination.total,
            late: file.orders.open.late,
          })}
        </Typography>
      ) : null}
      {complaints ? (
        <Typography variant="omega">{text.t('panel.complaints', { count: complaints.pagination.total, open: complaints.open })}</Typography>
      ) : null}
      {file.contacts?.log ? <Typography variant="omega">{text.t('panel.followUps', { count: followUps })}</Typography> : null}
      <Link to={`/${FILE_PATH}/${documentId}`}>
        <Button variant="secondary" fullWidth>
          {text.t('file.openFull')}
        </Button>
      </Link>
    </Flex>
  );
};

export const CustomerFilePanel: PanelComponent = ({ model, documentId }) => {
  const text = useFileText();
  if (model !== 'api::customer.customer' || !documentId) return null;
  return { title: text.t('panel.title'), content: <Summary documentId={documentId} /> };
};
