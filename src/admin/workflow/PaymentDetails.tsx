/**
 * What the side panel adds for money: the payment progress (货款回收进度) of an order or a contract
 * — billed, paid, open, overdue, read from GET /workflows/:subject/:documentId/payment-progress
 * (left out for an admin who may not read receivables) — and a payment's amount and what is
 * still unallocated.
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PaymentProgress as Progress, workflowApi } from './api';
import { Figure, Section } from './PanelParts';
import { CreditAtSubmission } from './CreditAtSubmission';
import type { WorkflowText } from './text';

/** Read again when the record was saved or acted on (its updatedAt moves). */
const useProgress = (subject: 'order' | 'contract', documentId: string | undefined, updatedAt: unknown) => {
  const client = useFetchClient();
  const [progress, setProgress] = React.useState<Progress>();
  React.useEffect(() => {
    if (!documentId) return;
    let current = true;
    workflowApi(client)
      .paymentProgress(subject, documentId)
      .then(
        (answer) => current && setProgress(answer),
        () => current && setProgress(undefined)
      );
    return () => {
      current = false;
    };
  }, [client, subject, documentId, updatedAt]);
  return progress;
};

export const PaymentProgressSection = ({
  subject,
  document,
  text,
}: {
  subject: 'order' | 'contract';
  document: Record<string, unknown> | undefined;
  text: WorkflowText;
}) => {
  const progress = useProgress(subject, document?.documentId as string | undefined, document?.updatedAt);
  if (!progress) return null;
  const money = (value: string) => text.money(value, progress.currency);
  return (
    <Section title={text.t('panel.paymentProgress')}>
      <Typography variant="pi">{text.t('panel.receivables', { count: progress.receivables, total: money(progress.total) })}</Typography>
      <Figure label={text.t('panel.billed')} value={money(progress.billed)} />
      <Figure label={text.t('panel.paid')} value={money(progress.paid)} />
      <Figure label={text.t('panel.open')} value={money(progress.open)} />
      <Figure label={text.t('panel.overdueAmount')} value={money(progress.overdue)} danger={Number(progress.overdue) > 0} />
    </Section>
  );
};

export const ContractDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => (
  <>
    <CreditAtSubmission document={document} text={text} />
    <PaymentProgressSection subject="contract" document={document} text={text} />
  </>
);

export const PaymentDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  if (!document) return null;
  const currency = document.currency as string | undefined;
  return (
    <Typography variant="omega">
      {text.t('panel.paymentAmounts', {
        amount: text.money(document.amount as string | undefined, currency),
        unallocated: text.money(document.unallocatedAmount as string | undefined, currency),
      })}
    </Typography>
  );
};
