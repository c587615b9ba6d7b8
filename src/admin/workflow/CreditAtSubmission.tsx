/**
 * A contract's credit at submission (送审时信用情况) as figures: what the customer owed, how much was
 * overdue, the other contracts open and this one against the limit, as the server recorded them
 * when the revision went to review (src/domain/contract-review.ts, CreditSnapshot). The form does
 * not show the stored JSON.
 */
import * as React from 'react';
import { Badge } from '@strapi/design-system';
import type { CreditSnapshot } from '../../domain/contract-review';
import { moneyText } from '../../domain/display-format';
import { Figure, Section } from './PanelParts';
import type { WorkflowText } from './text';

export const CreditAtSubmission = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  const snapshot = document?.creditSnapshot as CreditSnapshot | null | undefined;
  if (!snapshot) return null;
  const currency = (document?.currency as string | undefined) ?? null;
  const money = (amount: string) => moneyText(amount, currency);
  return (
    <Section title={text.t('panel.creditAtSubmission')}>
      {snapshot.creditHold ? <Badge variant="danger">{text.t('panel.creditHold')}</Badge> : null}
      <Figure label={text.t('panel.creditLimit')} value={money(snapshot.creditLimit)} />
      <Figure label={text.t('panel.openBalance')} value={money(snapshot.openBalance)} />
      <Figure label={text.t('panel.overdueAmount')} value={money(snapshot.overdueAmount)} danger={Number(snapshot.overdueAmount) > 0} />
      <Figure label={text.t('panel.openContracts')} value={money(snapshot.openContracts)} />
      <Figure label={text.t('panel.contractTotal')} value={money(snapshot.contractTotal)} />
    </Section>
  );
};
