/**
 * What the order side panel shows of the order itself: its plan (planned start and finish, the
 * promised and the required date) and its packaging items (carton, manual, label…) with whether
 * the customer has confirmed each one's artwork, which the order needs before it can be made
 * ready. The plan is read from the edit view's document, which the content manager reads again
 * after every action; the packaging items are records of their own, read through the content
 * manager's list route (the edit view only counts them).
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Item, List, Section } from './PanelParts';
import { PaymentProgressSection } from './PaymentDetails';
import type { WorkflowText } from './text';

const PACKAGING_ITEM = 'api::packaging-item.packaging-item';

interface PackagingItem {
  documentId: string;
  description: string;
  artworkConfirmedAt: string | null;
}

const DateLine = ({ label, date, text }: { label: string; date: unknown; text: WorkflowText }) => (
  <Flex gap={2} wrap="wrap">
    <Typography variant="omega" fontWeight="bold">
      {label}:
    </Typography>
    <Typography variant="omega">{typeof date === 'string' && date ? date : text.t('panel.notSet')}</Typography>
  </Flex>
);

/** The order's packaging items; `undefined` while loading or when the admin may not read them. */
const usePackagingItems = (orderId: string | undefined, updatedAt: unknown) => {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<PackagingItem[]>();
  React.useEffect(() => {
    if (!orderId) return;
    let current = true;
    get<{ results: PackagingItem[] }>(`/content-manager/collection-types/${PACKAGING_ITEM}`, {
      params: { page: 1, pageSize: 100, filters: { $and: [{ order: { documentId: { $eq: orderId } } }] } },
    }).then(
      (answer) => current && setItems(answer.data.results),
      // Not every role reads packaging items: the panel then leaves them out rather than failing.
      () => current && setItems(undefined)
    );
    return () => {
      current = false;
    };
    // Read again when the order was saved: an action may have followed a packaging change.
  }, [get, orderId, updatedAt]);
  return items;
};

const Packaging = ({ items, text }: { items: PackagingItem[]; text: WorkflowText }) => (
  <Section title={text.t('panel.packaging')}>
    <List label={text.t('panel.packaging')}>
      {items.map((item) => (
        <Item key={item.documentId}>
          <Typography variant="omega">{item.description}</Typography>
          <Badge variant={item.artworkConfirmedAt ? 'success' : 'warning'}>
            {item.artworkConfirmedAt ? text.t('panel.artworkConfirmed', { date: item.artworkConfirmedAt }) : text.t('panel.artworkOpen')}
          </Badge>
        </Item>
      ))}
    </List>
    {items.length === 0 ? <Typography variant="pi">{text.t('panel.noPackaging')}</Typography> : null}
  </Section>
);

export const OrderDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  const items = usePackagingItems(document?.documentId as string | undefined, document?.updatedAt);
  if (!document) return null;
  return (
    <>
      <Section title={text.t('panel.plan')}>
        <DateLine label={text.field('plannedStart')} date={document.plannedStart} text={text} />
        <DateLine label={text.field('plannedFinish')} date={document.plannedFinish} text={text} />
        <DateLine label={text.field('promisedDate')} date={document.promisedDate} text={text} />
        <DateLine label={text.t('panel.requiredDate')} date={document.requiredDate} text={text} />
      </Section>
      {items ? <Packaging items={items} text={text} /> : null}
      <PaymentProgressSection subject="order" document={document} text={text} />
    </>
  );
};
