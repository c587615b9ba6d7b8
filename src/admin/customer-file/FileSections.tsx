/**
 * The sections of the customer file page, each drawn from its part of the file answer
 * (./api.ts): a section the user may not read is absent from the answer and so not drawn.
 */
import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import { saveFile } from '../files';
import { problemOf } from '../workflow/api';
import { useWorkflowText } from '../workflow/text';
import { CustomerFile, customerFileApi } from './api';
import { FileText } from './text';

const INQUIRY = 'api::inquiry.inquiry';
const OPINION = 'api::customer-opinion.customer-opinion';

const ADMIN_LIST = '/content-manager/collection-types';
/** A record's page in the content manager. */
export const recordPage = (uid: string, documentId: string) => `${ADMIN_LIST}/${uid}/${documentId}`;
/** A list of the content manager filtered to one customer. */
const listOf = (uid: string, customerDocumentId: string) =>
  `${ADMIN_LIST}/${uid}?filters[$and][0][customer][documentId][$eq]=${encodeURIComponent(customerDocumentId)}`;

export const FileSection = ({ title, children }: React.PropsWithChildren<{ title: string }>) => (
  <Box tag="section" aria-label={title} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

type Column<Row> = { label: string; cell: (row: Row) => React.ReactNode; numeric?: boolean };

export const RowsTable = <Row,>({ label, rows, columns, text }: { label: string; rows: Row[]; columns: Column<Row>[]; text: FileText }) =>
  rows.length === 0 ? (
    <Typography variant="pi" textColor="neutral600">
      {text.t('file.none')}
    </Typography>
  ) : (
    <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={label}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.label}>
              <Typography variant="sigma">{column.label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => (
          <Tr key={index}>
            {columns.map((column) => (
              <Td key={column.label} style={column.numeric ? { textAlign: 'right' } : undefined}>
                <Typography variant="omega">{column.cell(row)}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

/** "20 of 134 — all in the list" under a paged list. */
const More = ({ shown, total, list, text }: { shown: number; total: number; list: string; text: FileText }) =>
  total > shown ? (
    <Flex gap={2}>
      <Typography variant="pi">{text.t('file.shown', { shown, total })}</Typography>
      <Link to={list}>{text.t('file.allInList', { total })}</Link>
    </Flex>
  ) : null;

const RecordLink = ({ uid, documentId, label }: { uid: string; documentId: string; label: string }) => (
  <Link to={recordPage(uid, documentId)}>{label}</Link>
);

export const OrdersSection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const orderWords = useWorkflowText('order');
  const contractWords = useWorkflowText('contract');
  const orders = file.orders!;
  return (
    <FileSection title={text.t('section.orders')}>
      <RowsTable
        label={text.t('section.orders')}
        rows={orders.open.items}
        text={text}
        columns={[
          { label: text.t('col.number'), cell: (o) => <RecordLink uid="api::order.order" documentId={o.documentId} label={o.number} /> },
          {
            label: text.t('col.state'),
            cell: (o) => (
              <Flex gap={2}>
                {orderWords.state(o.state)}
                {o.late ? <Badge variant="danger">{text.t('late')}</Badge> : null}
              </Flex>
            ),
          },
          { label: text.t('col.orderDate'), cell: (o) => text.day(o.orderDate) },
          { label: text.t('col.promised'), cell: (o) => text.day(o.promisedDate ?? o.requiredDate) },
          { label: text.t('col.total'), cell: (o) => text.money(o.total, o.currency), numeric: true },
          { label: text.t('col.shipped'), cell: (o) => text.percent(o.shippedPercent), numeric: true },
          { label: text.t('col.billed'), cell: (o) => text.percent(o.billedPercent), numeric: true },
          { label: text.t('col.paid'), cell: (o) => text.percent(o.paidPercent), numeric: true },
        ]}
      />
      <More
        shown={orders.open.items.length}
        total={orders.open.pagination.total}
        list={listOf('api::order.order', file.documentId)}
        text={text}
      />
      {orders.contracts ? (
        <>
          <Typography variant="sigma" textColor="neutral600">
            {text.t('section.contracts')}
          </Typography>
          <RowsTable
            label={text.t('section.contracts')}
            rows={orders.contracts.items}
            text={text}
            columns={[
              {
                label: text.t('col.number'),
                cell: (c) => <RecordLink uid="api::contract.contract" documentId={c.documentId} label={c.number} />,
              },
              { label: text.t('col.revision'), cell: (c) => c.revision },
              { label: text.t('col.state'), cell: (c) => contractWords.state(c.state) },
              { label: text.t('col.contractDate'), cell: (c) => text.day(c.contractDate) },
              { label: text.t('col.delivery'), cell: (c) => text.day(c.deliveryDate) },
              { label: text.t('col.total'), cell: (c) => text.money(c.total, c.currency), numeric: true },
            ]}
          />
          <More
            shown={orders.contracts.items.length}
            total={orders.contracts.pagination.total}
            list={listOf('api::contract.contract', file.documentId)}
            text={text}
          />
        </>
      ) : null}
    </FileSection>
  );
};

export const MoneySection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const paymentWords = useWorkflowText('payment');
  const money = file.money!;
  const behaviour = money.paymentBehaviour;
  return (
    <FileSection title={text.t('section.money')}>
      <RowsTable
        label={text.t('section.money')}
        rows={money.aging.byCurrency}
        text={text}
        columns={[
          { label: text.t('col.amount'), cell: (row) => row.currency },
          ...money.aging.buckets.map((bucket) => ({
            label: text.both(bucket.label),
            cell: (row: (typeof money.aging.byCurrency)[number]) => text.money(row.amounts[bucket.key] ?? '0'),
            numeric: true,
          })),
          { label: text.t('aging.total'), cell: (row) => text.money(row.total, row.currency), numeric: true },
        ]}
      />
      <Typography variant="pi">
        {behaviour.averageDaysLate === null
          ? text.t('behaviour.none')
          : text.t('behaviour', { days: behaviour.averageDaysLate, count: behaviour.paidReceivables })}
      </Typography>
      {money.payments ? (
        <RowsTable
          label={text.t('col.paid')}
          rows={money.payments}
          text={text}
          columns={[
            {
              label: text.t('col.number'),
              cell: (p) => <RecordLink uid="api::payment.payment" documentId={p.documentId} label={p.number} />,
            },
            { label: text.t('col.date'), cell: (p) => text.day(p.receivedOn) },
            { label: text.t('col.method'), cell: (p) => text.option('api::payment.payment', 'method', p.method) },
            {
              label: text.t('col.state'),
              cell: (p) =>
                p.state === 'reversed' ? <Badge variant="danger">{paymentWords.state(p.state)}</Badge> : paymentWords.state(p.state),
            },
            { label: text.t('col.amount'), cell: (p) => text.money(p.amount, p.currency), numeric: true },
            { label: text.t('col.unallocated'), cell: (p) => text.money(p.unallocated, p.currency), numeric: true },
          ]}
        />
      ) : null}
      {money.statements ? (
        <RowsTable
          label={text.t('doc.statement')}
          rows={money.statements}
          text={text}
          columns={[
            {
              label: text.t('col.number'),
              cell: (s) => <RecordLink uid="api::statement.statement" documentId={s.documentId} label={s.number} />,
            },
            { label: text.t('col.period'), cell: (s) => `${s.periodFrom} – ${s.periodTo}` },
            { label: text.t('col.balance'), cell: (s) => text.money(s.closingBalance, s.currency), numeric: true },
            {
              label: text.t('col.answer'),
              cell: (s) =>
                s.answer ? (
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Badge variant={s.answer.state === 'disputed' ? 'danger' : 'success'}>{text.t(`answer.${s.answer.state}`)}</Badge>
                    {s.answer.comment ? <span>{s.answer.comment}</span> : null}
                  </Flex>
                ) : (
                  text.t('answer.none')
                ),
            },
          ]}
        />
      ) : null}
    </FileSection>
  );
};

export const ComplaintsSection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const words = useWorkflowText('complaint');
  const complaints = file.complaints!;
  return (
    <FileSection title={text.t('section.complaints')}>
      <RowsTable
        label={text.t('section.complaints')}
        rows={complaints.items}
        text={text}
        columns={[
          {
            label: text.t('col.number'),
            cell: (c) => <RecordLink uid="api::complaint.complaint" documentId={c.documentId} label={c.number} />,
          },
          { label: text.t('col.state'), cell: (c) => words.state(c.state) },
          { label: text.t('col.severity'), cell: (c) => text.option('api::complaint.complaint', 'severity', c.severity) },
          { label: text.t('col.category'), cell: (c) => text.option('api::complaint.complaint', 'category', c.category) },
          { label: text.t('col.justified'), cell: (c) => (c.justified === null ? text.t('pending') : text.t(c.justified ? 'yes' : 'no')) },
          { label: text.t('col.daysOpen'), cell: (c) => c.daysOpen ?? '—', numeric: true },
          {
            label: text.t('col.rating'),
            cell: (c) => (c.feedbackRating ? `${c.feedbackRating}/5${c.feedbackComment ? ` · ${c.feedbackComment}` : ''}` : '—'),
          },
        ]}
      />
      <More
        shown={complaints.items.length}
        total={complaints.pagination.total}
        list={listOf('api::complaint.complaint', file.documentId)}
        text={text}
      />
    </FileSection>
  );
};

export const ContactsSection = ({ file, text, onLog }: { file: CustomerFile; text: FileText; onLog?: () => void }) => {
  const contacts = file.contacts!;
  return (
    <FileSection title={text.t('section.contacts')}>
      <Flex gap={4} wrap="wrap">
        {contacts.persons.map((person, index) => (
          <Box key={index} padding={3} hasRadius borderColor="neutral200" style={{ borderWidth: 1, borderStyle: 'solid' }}>
            <Typography fontWeight="bold">
              {person.name}
              {person.primary ? ` (${text.t('primary')})` : ''}
            </Typography>
            <Typography variant="pi" tag="p">
              {[person.title, person.phone, person.email].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        ))}
      </Flex>
      {contacts.log ? (
        <>
          <Flex justifyContent="space-between">
            <Typography variant="sigma" textColor="neutral600">
              {text.t('log')}
            </Typography>
            {onLog ? <Button onClick={onLog}>{text.t('log.add')}</Button> : null}
          </Flex>
          <RowsTable
            label={text.t('log')}
            rows={contacts.log.items}
            text={text}
            columns={[
              { label: text.t('col.when'), cell: (entry) => text.dateTime(entry.occurredAt) },
              {
                label: text.t('col.kind'),
                cell: (entry) =>
                  `${text.option(INQUIRY, 'direction', entry.direction)} · ${text.option(INQUIRY, 'channel', entry.channel)} · ${text.option(INQUIRY, 'kind', entry.kind)}`,
              },
              {
                label: text.t('col.summary'),
                cell: (entry) => (
                  <RecordLink
                    uid="api::inquiry.inquiry"
                    documentId={entry.documentId}
                    label={entry.outcome ? `${entry.summary} → ${entry.outcome}` : entry.summary}
                  />
                ),
              },
              { label: text.t('col.handledBy'), cell: (entry) => entry.handledBy?.name ?? '—' },
              {
                label: text.t('col.followUp'),
                cell: (entry) =>
                  entry.followUpDue ? (
                    <Badge variant="warning">{`${text.t('followUpDue')} ${text.day(entry.followUpDate)}`}</Badge>
                  ) : (
                    text.day(entry.followUpDate)
                  ),
              },
            ]}
          />
          <More
            shown={contacts.log.items.length}
            total={contacts.log.pagination.total}
            list={listOf('api::inquiry.inquiry', file.documentId)}
            text={text}
          />
        </>
      ) : null}
    </FileSection>
  );
};

export const OpinionsSection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const opinions = file.opinions!;
  return (
    <FileSection title={text.t('section.opinions')}>
      <RowsTable
        label={text.t('section.opinions')}
        rows={opinions.items}
        text={text}
        columns={[
          { label: text.t('col.when'), cell: (o) => text.day(o.recordedAt) },
          { label: text.t('col.topic'), cell: (o) => text.option(OPINION, 'topic', o.topic) },
          {
            label: text.t('col.text'),
            cell: (o) => (
              <Flex gap={2}>
                <RecordLink uid="api::customer-opinion.customer-opinion" documentId={o.documentId} label={o.text} />
                {o.marketInfo ? <Badge>{text.t('marketInfo')}</Badge> : null}
              </Flex>
            ),
          },
          {
            label: text.t('col.source'),
            cell: (o) => (
              <Badge variant={o.sentiment === 'negative' ? 'danger' : o.sentiment === 'positive' ? 'success' : 'secondary'}>
                {`${text.option(OPINION, 'source', o.source)} · ${text.option(OPINION, 'sentiment', o.sentiment)}`}
              </Badge>
            ),
          },
          { label: text.t('col.handledBy'), cell: (o) => o.recordedBy?.name ?? '—' },
        ]}
      />
      <More
        shown={opinions.items.length}
        total={opinions.pagination.total}
        list={listOf('api::customer-opinion.customer-opinion', file.documentId)}
        text={text}
      />
    </FileSection>
  );
};

export const NeedsSection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const needs = file.needs!;
  return (
    <FileSection title={text.t('section.needs')}>
      <RowsTable
        label={text.t('section.needs')}
        rows={needs.items}
        text={text}
        columns={[
          {
            label: text.t('col.need'),
            cell: (n) => <RecordLink uid="api::customer-need.customer-need" documentId={n.documentId} label={n.description} />,
          },
          { label: text.t('col.product'), cell: (n) => n.product?.name ?? n.category ?? '—' },
          { label: text.t('col.quantity'), cell: (n) => n.estimatedQuantity ?? '—', numeric: true },
          { label: text.t('col.value'), cell: (n) => text.money(n.estimatedValue, n.currency), numeric: true },
          { label: text.t('col.expected'), cell: (n) => text.day(n.expectedDate) },
          { label: text.t('col.status'), cell: (n) => text.option('api::customer-need.customer-need', 'status', n.status) },
        ]}
      />
      <More
        shown={needs.items.length}
        total={needs.pagination.total}
        list={listOf('api::customer-need.customer-need', file.documentId)}
        text={text}
      />
    </FileSection>
  );
};

export const DocumentsSection = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const client = useFetchClient();
  const api = customerFileApi(client);
  const [problem, setProblem] = React.useState<string | null>(null);
  const download = (kind: 'deliveryNote' | 'statementPdf' | 'statementXlsx', documentId: string, number: string) =>
    api
      .download(kind, documentId, number)
      .then(({ file: blob, fileName }) => saveFile(blob, fileName))
      .catch((failure: unknown) => setProblem(problemOf(failure).message));
  const documents = file.documents!;
  return (
    <FileSection title={text.t('section.documents')}>
      {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
      <RowsTable
        label={text.t('section.documents')}
        rows={documents.items}
        text={text}
        columns={[
          { label: text.t('col.document'), cell: (d) => text.t(`doc.${d.kind}`) },
          { label: text.t('col.number'), cell: (d) => (d.revision ? `${d.number} (${d.revision})` : d.number) },
          { label: text.t('col.date'), cell: (d) => text.day(d.date) },
          {
            label: text.t('open'),
            cell: (d) =>
              d.kind === 'contract' ? (
                <RecordLink uid="api::contract.contract" documentId={d.documentId} label={text.t('open')} />
              ) : d.kind === 'deliveryNote' ? (
                <TextButton onClick={() => download('deliveryNote', d.documentId, d.number)}>{text.t('download.pdf')}</TextButton>
              ) : (
                <Flex gap={2}>
                  <TextButton onClick={() => download('statementPdf', d.documentId, d.number)}>{text.t('download.pdf')}</TextButton>
                  <TextButton onClick={() => download('statementXlsx', d.documentId, d.number)}>{text.t('download.xlsx')}</TextButton>
                </Flex>
              ),
          },
        ]}
      />
    </FileSection>
  );
};
