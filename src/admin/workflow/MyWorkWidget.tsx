/**
 * Homepage widget: the logged-in admin's work list (待办, GET /workflows/my-work) — how much waits,
 * how much is overdue, and the most urgent items, each linking to its record in the content manager.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { CreditHold, WorkItem } from '../../domain/my-work';
import { problemOf } from './api';
import type { SubjectCode } from './subjects';
import { useWorkflowText, WorkflowText } from './text';
import type { MessageKey } from './translations';

/** Where the whole list is (./MyWorkPage.tsx). */
export const MY_WORK_PATH = 'my-work';

const CUSTOMER_UID = 'api::customer.customer';

/** How many items the widget lists; the whole list is its own page. */
const SHOWN = 8;

export interface WorkList {
  items: WorkItem[];
  counts: { total: number; overdue: number };
  /** The marketing VP's: customers on credit hold (src/my-work/credit-holds.ts). */
  creditHolds?: CreditHold[];
}

/** What an item asks: the actions the person may take, why a late order is listed, or the override it waits for. */
export const whatItAsks = (item: WorkItem, text: WorkflowText) => {
  if (item.kind === 'late-order') return item.reasons.map((reason) => text.t(`myWork.late.${reason}` as MessageKey)).join('；');
  if (item.kind === 'credit-override') return text.t('myWork.creditOverrideAsks');
  return item.actions.map(text.action).join(' / ');
};

/** The item's name: its record type (or "late order") and number. */
export const itemName = (item: WorkItem, text: WorkflowText) =>
  `${item.kind === 'late-order' ? text.t('myWork.lateOrder') : text.title()} ${item.number ?? ''}`.trim();

/** The customers on credit hold, for the VP: name, reason, what they owe against their limit, documents waiting. */
export const CreditHolds = ({ holds, text }: { holds: CreditHold[]; text: WorkflowText }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-credit-holds>
    <Typography variant="sigma">{text.t('myWork.holds.title')}</Typography>
    {holds.map((hold) => (
      <Flex key={hold.documentId} gap={2} wrap="wrap" data-credit-hold={hold.documentId}>
        <Typography variant="omega" fontWeight="semiBold">
          <Link to={`/content-manager/collection-types/${CUSTOMER_UID}/${hold.documentId}`}>{hold.name}</Link>
        </Typography>
        <Typography variant="pi">{text.said(hold.reasonMessage, hold.reason)}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {text.t('myWork.holds.balance')} {text.money(hold.openBalance, hold.currency)} / {text.t('myWork.holds.limit')}{' '}
          {text.money(hold.creditLimit, hold.currency)}
        </Typography>
        {hold.waiting > 0 ? <Badge>{`${text.t('myWork.holds.waiting')} ${hold.waiting}`}</Badge> : null}
      </Flex>
    ))}
  </Flex>
);

const Item = ({ item }: { item: WorkItem }) => {
  const text = useWorkflowText(item.subject as SubjectCode);
  const what = whatItAsks(item, text);
  return (
    <Flex gap={2} wrap="wrap" data-work-item={item.documentId}>
      {item.overdue ? <Badge variant="danger">{text.t('myWork.overdue')}</Badge> : null}
      <Typography variant="omega" fontWeight="semiBold">
        <Link to={`/content-manager/collection-types/${item.uid}/${item.documentId}`}>{itemName(item, text)}</Link>
      </Typography>
      <Typography variant="pi">{what}</Typography>
      {item.customer ? (
        <Typography variant="pi" textColor="neutral600">
          {item.customer}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The logged-in person's work list (GET /workflows/my-work), or why it could not be read. */
export const useMyWork = () => {
  const client = useFetchClient();
  const [work, setWork] = React.useState<WorkList | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    client
      .get<{ data: WorkList }>('/workflows/my-work')
      .then((answer) => live && setWork(answer.data.data))
      .catch((failure: unknown) => live && setError(problemOf(failure).message));
    return () => {
      live = false;
    };
  }, [client]);
  return { work, error };
};

export const MyWorkWidget = () => {
  const text = useWorkflowText();
  const { work, error } = useMyWork();
  if (error) return <Widget.Error>{text.t('myWork.error', { message: error })}</Widget.Error>;
  if (!work) return <Widget.Loading>{text.t('panel.loading')}</Widget.Loading>;
  const holds = work.creditHolds?.length ? <CreditHolds holds={work.creditHolds} text={text} /> : null;
  if (work.items.length === 0) return holds ?? <Widget.NoData>{text.t('myWork.empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-widget="my-work">
      <Typography variant="sigma" textColor={work.counts.overdue > 0 ? 'danger600' : 'neutral600'}>
        {text.t('myWork.summary', { total: work.counts.total, overdue: work.counts.overdue })}
      </Typography>
      {work.items.slice(0, SHOWN).map((item) => (
        <Item key={`${item.kind}-${item.documentId}`} item={item} />
      ))}
      {work.items.length > SHOWN ? (
        <Typography variant="pi" textColor="neutral600">
          {text.t('myWork.more', { shown: SHOWN })} ·{' '}
          <Link to={`/${MY_WORK_PATH}`}>{text.t('myWork.all', { total: work.items.length })}</Link>
        </Typography>
      ) : null}
      {holds}
    </Flex>
  );
};

export default MyWorkWidget;
