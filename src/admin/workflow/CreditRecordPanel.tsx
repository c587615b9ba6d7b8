/**
 * The credit record (信用记录) side panel of a customer's edit view: hold and who placed it, what the
 * customer owes and has overdue, how it has paid (average days late, share paid on time), the
 * overrides granted and every hold, release and override — from GET /workflows/credit-record/:documentId
 * (src/admin-api/routes.ts), the same figures as the REST credit record.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { problemOf } from './api';
import { Item, List, Section } from './PanelParts';
import { useWorkflowText } from './text';
import type { Message } from '../../domain/messages';

interface CreditRecord {
  customer: {
    creditLimit: string;
    creditHold: boolean;
    creditHoldReason: string | null;
    /** An automatic hold's reason as a message, to be read in the user's language. */
    creditHoldReasonMessage: Message | null;
    creditHoldSource: string | null;
  };
  asOf: string;
  position: { openBalance: string; currency: string; oldestDaysPastDue: number | null };
  amounts: { currency: string; open: string; overdue: string }[];
  paymentBehaviour: { paidReceivables: number; paidAmount: string; averageDaysLate: number | null; paidOnTimeShare: number | null };
  events: {
    kind: string;
    terms?: { before: { creditLimit: string; paymentTermsDays: number }; after: { creditLimit: string; paymentTermsDays: number } };
    reason: string | null;
    reasonMessage: Message | null;
    at: string;
    actor: { name: string } | null;
  }[];
  overrides: {
    subject: string;
    subjectId: string | null;
    reason: string;
    grantedBy: { name: string } | null;
    grantedAt: string;
    usedAt: string | null;
  }[];
}

export const CreditRecordContent = ({ documentId }: { documentId: string }) => {
  const text = useWorkflowText();
  const client = useFetchClient();
  const [record, setRecord] = React.useState<CreditRecord | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    client
      .get<{ data: CreditRecord }>(`/workflows/credit-record/${documentId}`)
      .then((answer) => live && setRecord(answer.data.data))
      .catch((failure: unknown) => live && setError(problemOf(failure).message));
    return () => {
      live = false;
    };
  }, [client, documentId]);
  if (error) return <Typography textColor="danger600">{text.t('credit.loadFailed', { message: error })}</Typography>;
  if (!record) return <Typography variant="pi">{text.t('panel.loading')}</Typography>;
  const { customer, paymentBehaviour: paid } = record;
  const holdReason = text.said(customer.creditHoldReasonMessage, customer.creditHoldReason);
  return (
    <Flex role="region" aria-label={text.t('credit.title')} direction="column" alignItems="stretch" gap={4} width="100%">
      <Flex gap={2} wrap="wrap">
        <Badge variant={customer.creditHold ? 'danger' : 'success'}>{text.t(customer.creditHold ? 'credit.onHold' : 'credit.clear')}</Badge>
        {customer.creditHoldSource ? (
          <Typography variant="pi">{text.t(`credit.source.${customer.creditHoldSource}` as 'credit.source.manual')}</Typography>
        ) : null}
      </Flex>
      {holdReason ? <Typography variant="omega">{holdReason}</Typography> : null}
      <Typography variant="omega">
        {text.t('credit.balance', {
          balance: text.money(record.position.openBalance, record.position.currency),
          limit: text.money(customer.creditLimit, record.position.currency),
        })}
      </Typography>
      {record.amounts.map((amount) => (
        <Typography key={amount.currency} variant="pi">
          {text.t('credit.openOverdue', {
            open: text.money(amount.open, amount.currency),
            overdue: text.money(amount.overdue, amount.currency),
          })}
        </Typography>
      ))}
      <Typography variant="pi">
        {paid.averageDaysLate === null
          ? text.t('credit.noPayments')
          : text.t('credit.behaviour', {
              days: paid.averageDaysLate,
              share: Math.round((paid.paidOnTimeShare ?? 0) * 100),
              count: paid.paidReceivables,
            })}
      </Typography>
      {record.overrides.length ? (
        <Section title={text.t('credit.overrides')}>
          <List label={text.t('credit.overrides')}>
            {record.overrides.map((override, index) => (
              <Item key={`${override.grantedAt}-${index}`}>
                <Typography fontWeight="bold">{text.t(`credit.subject.${override.subject}` as 'credit.subject.order')}</Typography>
                <Typography variant="omega">{override.reason}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {override.grantedBy?.name ?? '—'} · {text.dateTime(override.grantedAt)} ·{' '}
                  {override.usedAt ? text.t('credit.used') : text.t('credit.unused')}
                </Typography>
              </Item>
            ))}
          </List>
        </Section>
      ) : null}
      <Section title={text.t('credit.events')}>
        <List label={text.t('credit.events')}>
          {record.events.map((event, index) => (
            <Item key={`${event.at}-${index}`}>
              <Typography fontWeight="bold">{text.t(`credit.kind.${event.kind}` as 'credit.kind.hold')}</Typography>
              {event.reason ? <Typography variant="omega">{text.said(event.reasonMessage, event.reason)}</Typography> : null}
              <Typography variant="pi" textColor="neutral600">
                {event.actor?.name ?? text.t('credit.system')} · {text.dateTime(event.at)}
              </Typography>
            </Item>
          ))}
        </List>
        {record.events.length === 0 ? <Typography variant="pi">{text.t('credit.noEvents')}</Typography> : null}
      </Section>
    </Flex>
  );
};

export const CreditRecordPanel: PanelComponent = ({ model, documentId }) => {
  const text = useWorkflowText();
  if (model !== 'api::customer.customer' || !documentId) return null;
  return { title: text.t('credit.title'), content: <CreditRecordContent documentId={documentId} /> };
};
