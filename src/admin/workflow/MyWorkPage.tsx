/**
 * "My work" (我的待办) as a page: the logged-in person's whole work list (GET /workflows/my-work),
 * most urgent first, filtered by what it is (contracts, orders, complaints, shipments, tasks, late
 * orders), overdue only, or a number or customer typed in; each item links to its record. The home
 * page widget shows the head of the same list and links here.
 */
import * as React from 'react';
import {
  Badge,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { WorkItem } from '../../domain/my-work';
import { itemName, useMyWork, whatItAsks } from './MyWorkWidget';
import type { SubjectCode } from './subjects';
import { useWorkflowText } from './text';
import type { MessageKey } from './translations';

const ALL = 'all';
const kindOf = (item: WorkItem) => (item.kind === 'late-order' ? 'late-order' : item.subject);

const Row = ({ item }: { item: WorkItem }) => {
  const text = useWorkflowText(item.subject as SubjectCode);
  return (
    <Tr data-work-item={item.documentId}>
      <Td>
        <Flex gap={2}>
          {item.overdue ? <Badge variant="danger">{text.t('myWork.overdue')}</Badge> : null}
          <Typography variant="omega" fontWeight="semiBold">
            <Link to={`/content-manager/collection-types/${item.uid}/${item.documentId}`}>{itemName(item, text)}</Link>
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Typography variant="omega">{item.customer ?? '—'}</Typography>
      </Td>
      <Td>
        <Typography variant="omega">{whatItAsks(item, text)}</Typography>
      </Td>
      <Td>
        <Typography variant="omega">{item.since ? text.dateTime(item.since) : '—'}</Typography>
      </Td>
      <Td>
        <Typography variant="omega" textColor={item.overdue ? 'danger600' : undefined}>
          {item.dueAt ? text.dateTime(item.dueAt) : '—'}
        </Typography>
      </Td>
    </Tr>
  );
};

const MyWorkPage = () => {
  const text = useWorkflowText();
  const { work, error } = useMyWork();
  const [kind, setKind] = React.useState<string>(ALL);
  const [overdueOnly, setOverdueOnly] = React.useState(false);
  const [typed, setTyped] = React.useState('');
  if (error) return <Page.Error content={text.t('myWork.error', { message: error })} />;
  if (!work) return <Page.Loading />;
  const kinds = [...new Set(work.items.map(kindOf))];
  const needle = typed.trim().toLowerCase();
  const shown = work.items.filter(
    (item) =>
      (kind === ALL || kindOf(item) === kind) &&
      (!overdueOnly || item.overdue) &&
      (!needle || `${item.number ?? ''} ${item.customer ?? ''}`.toLowerCase().includes(needle))
  );
  const kindLabel = (code: string) => (code === 'late-order' ? text.t('myWork.lateOrder') : text.t(`${code}.title` as MessageKey));
  return (
    <Page.Main>
      <Page.Title>{text.t('myWork.title')}</Page.Title>
      <Layouts.Header title={text.t('myWork.title')} subtitle={text.t('myWork.pageSubtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="sigma" textColor={work.counts.overdue > 0 ? 'danger600' : 'neutral600'}>
            {text.t('myWork.summary', { total: work.counts.total, overdue: work.counts.overdue })}
          </Typography>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Field.Root name="kind">
              <Field.Label>{text.t('myWork.filterKind')}</Field.Label>
              <SingleSelect value={kind} onChange={(value) => setKind(String(value))}>
                <SingleSelectOption value={ALL}>{text.t('myWork.filterAll')}</SingleSelectOption>
                {kinds.map((code) => (
                  <SingleSelectOption key={code} value={code}>
                    {kindLabel(code)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="text">
              <Field.Label>{text.t('myWork.filterText')}</Field.Label>
              <TextInput value={typed} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)} />
            </Field.Root>
            <Checkbox checked={overdueOnly} onCheckedChange={(checked: boolean | 'indeterminate') => setOverdueOnly(checked === true)}>
              {text.t('myWork.filterOverdue')}
            </Checkbox>
          </Flex>
          {work.items.length === 0 ? (
            <Typography>{text.t('myWork.empty')}</Typography>
          ) : (
            <>
              <Typography variant="pi">{text.t('myWork.shown', { shown: shown.length, total: work.items.length })}</Typography>
              <Table colCount={5} rowCount={shown.length + 1} aria-label={text.t('myWork.title')}>
                <Thead>
                  <Tr>
                    {(['item', 'customer', 'asks', 'since', 'due'] as const).map((column) => (
                      <Th key={column}>
                        <Typography variant="sigma">{text.t(`myWork.col.${column}`)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {shown.map((item) => (
                    <Row key={`${item.kind}-${item.documentId}`} item={item} />
                  ))}
                </Tbody>
              </Table>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MyWorkPage;
