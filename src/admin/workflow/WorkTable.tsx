/**
 * A work list as a table (item, customer, what it asks, since, due), each item linking to its
 * record: the person's own list on the My work page, and a team member's in the team view.
 */
import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { WorkItem } from '../../domain/my-work';
import { itemName, whatItAsks } from './MyWorkWidget';
import type { SubjectCode } from './subjects';
import { useWorkflowText } from './text';

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

export const WorkTable = ({ items, label }: { items: WorkItem[]; label: string }) => {
  const text = useWorkflowText();
  return (
    <Table colCount={5} rowCount={items.length + 1} aria-label={label}>
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
        {items.map((item) => (
          <Row key={`${item.kind}-${item.documentId}`} item={item} />
        ))}
      </Tbody>
    </Table>
  );
};
