/**
 * The customer file (客户档案) page: at /customer-file a search that fits a phone call (a few
 * characters of a name, a code, a contact or a phone number); at /customer-file/:documentId
 * everything the department knows about the customer — header with warnings, orders and progress,
 * order statistics, money, credit record, complaints, contacts and the contact log (a contact is
 * logged from here), opinions, needs, documents — each section only for those who may read it.
 */
import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { saveFile } from '../files';
import { problemOf } from '../workflow/api';
import { CreditRecordContent } from '../workflow/CreditRecordPanel';
import { ContactEntry, CustomerFile, customerFileApi, FoundCustomer, OrderStatistics, StatisticsQuery } from './api';
import {
  ComplaintsSection,
  ContactsSection,
  DocumentsSection,
  FileSection,
  MoneySection,
  NeedsSection,
  OpinionsSection,
  OrdersSection,
  recordPage,
  RowsTable,
} from './FileSections';
import { FILE_PATH } from './paths';
import { FileText, useFileText } from './text';

const CustomerSearch = () => {
  const text = useFileText();
  const client = useFetchClient();
  const [query, setQuery] = React.useState('');
  const [found, setFound] = React.useState<FoundCustomer[] | null>(null);
  React.useEffect(() => {
    if (query.trim().length < 2) return setFound(null);
    let live = true;
    // Typed as the caller speaks: wait for a pause before asking.
    const timer = setTimeout(() => {
      customerFileApi(client)
        .find(query.trim())
        .then((customers) => live && setFound(customers))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query]);
  return (
    <Page.Main>
      <Page.Title>{text.t('search.title')}</Page.Title>
      <Layouts.Header title={text.t('search.title')} subtitle={text.t('search.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="customer-search">
            <Field.Label>{text.t('search.label')}</Field.Label>
            <TextInput
              autoFocus
              placeholder={text.t('search.placeholder')}
              value={query}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
            />
          </Field.Root>
          {found && found.length === 0 ? <Typography>{text.t('search.none', { query })}</Typography> : null}
          {found && found.length > 0 ? (
            <RowsTable
              label={text.t('search.label')}
              rows={found}
              text={text}
              columns={[
                { label: text.t('col.code'), cell: (c) => c.code },
                { label: text.t('search.label'), cell: (c) => <Link to={`/${FILE_PATH}/${c.documentId}`}>{c.name}</Link> },
                { label: text.t('col.details'), cell: (c) => [c.shortName, c.region, c.grade].filter(Boolean).join(' · ') },
              ]}
            />
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const Header = ({ file, text }: { file: CustomerFile; text: FileText }) => {
  const { header } = file;
  const fact = (label: string, value: React.ReactNode) => (
    <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="flex-start">
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Grid.Item>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {header.warnings.includes('creditHold') ? (
        <Box role="alert" background="danger100" borderColor="danger200" hasRadius padding={4}>
          <Typography textColor="danger700" fontWeight="bold">
            {text.t('warning.creditHold', { reason: header.creditHoldReason ?? '—' })}
          </Typography>
        </Box>
      ) : null}
      {header.warnings.includes('overdue') ? (
        <Box role="alert" background="warning100" borderColor="warning200" hasRadius padding={4}>
          <Typography textColor="warning700" fontWeight="bold">
            {text.t('warning.overdue', {
              amount: header.balances
                .filter((b) => Number(b.overdue) > 0)
                .map((b) => text.money(b.overdue, b.currency))
                .join(', '),
            })}
          </Typography>
        </Box>
      ) : null}
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
        <Grid.Root gap={4}>
          {fact(text.t('header.salesperson'), header.salesperson?.name ?? '—')}
          {fact(text.t('header.terms'), text.t('header.termsDays', { days: header.paymentTermsDays }))}
          {fact(text.t('header.limit'), text.money(header.creditLimit, header.currency))}
          {fact(
            text.t('header.balance'),
            header.balances.length
              ? header.balances.map((b) => text.money(b.open, b.currency)).join(', ')
              : text.money('0', header.currency)
          )}
        </Grid.Root>
      </Box>
    </Flex>
  );
};

type ProductFigures = OrderStatistics['topProducts'][number];

/** A product's quantity and amount with the same period of last year beside them. */
const figureColumns = (text: FileText) => [
  { label: text.t('col.product'), cell: (row: ProductFigures) => `${row.product.sku} ${row.product.name}` },
  { label: text.t('col.quantity'), cell: (row: ProductFigures) => String(row.quantity), numeric: true },
  { label: text.t('col.amount'), cell: (row: ProductFigures) => text.money(row.amount, row.currency), numeric: true },
  {
    label: text.t('col.lastYear'),
    cell: (row: ProductFigures) => `${String(row.previousQuantity)} · ${text.money(row.previousAmount, row.currency)}`,
    numeric: true,
  },
];

const StatisticsSection = ({ documentId, text }: { documentId: string; text: FileText }) => {
  const client = useFetchClient();
  const year = new Date().getFullYear();
  const [query, setQuery] = React.useState<StatisticsQuery>({
    grain: 'quarter',
    from: `${year}-01-01`,
    to: new Date().toISOString().slice(0, 10),
  });
  const [statistics, setStatistics] = React.useState<OrderStatistics | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    customerFileApi(client)
      .statistics(documentId, query)
      .then((answer) => live && (setStatistics(answer), setProblem(null)))
      .catch((failure: unknown) => live && setProblem(problemOf(failure).message));
    return () => {
      live = false;
    };
  }, [client, documentId, query]);
  const exportFile = () =>
    customerFileApi(client)
      .statisticsFile(documentId, query)
      .then(({ file, fileName }) => saveFile(file, fileName))
      .catch((failure: unknown) => setProblem(text.t('statistics.exportFailed', { message: problemOf(failure).message })));
  return (
    <FileSection title={text.t('section.statistics')}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="grain">
          <Field.Label>{text.t('statistics.grain')}</Field.Label>
          <SingleSelect value={query.grain} onChange={(grain) => setQuery({ ...query, grain: grain as StatisticsQuery['grain'] })}>
            {(['month', 'quarter', 'year'] as const).map((grain) => (
              <SingleSelectOption key={grain} value={grain}>
                {text.t(`statistics.grain.${grain}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="from">
          <Field.Label>{text.t('statistics.from')}</Field.Label>
          <TextInput
            type="date"
            value={query.from}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              event.target.value && setQuery({ ...query, from: event.target.value })
            }
          />
        </Field.Root>
        <Field.Root name="to">
          <Field.Label>{text.t('statistics.to')}</Field.Label>
          <TextInput
            type="date"
            value={query.to}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && setQuery({ ...query, to: event.target.value })}
          />
        </Field.Root>
        <Button variant="secondary" onClick={exportFile}>
          {text.t('statistics.export')}
        </Button>
      </Flex>
      {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
      {statistics ? (
        <>
          <Typography variant="sigma" textColor="neutral600">
            {text.t('statistics.top')}
          </Typography>
          <RowsTable label={text.t('statistics.top')} rows={statistics.topProducts} text={text} columns={figureColumns(text)} />
          <RowsTable
            label={text.t('section.statistics')}
            rows={statistics.rows}
            text={text}
            columns={[{ label: text.t('col.period'), cell: (row) => row.period }, ...figureColumns(text)]}
          />
        </>
      ) : null}
    </FileSection>
  );
};

const DIRECTIONS = ['incoming', 'outgoing'];
const CHANNELS = ['phone', 'visit', 'email', 'fax', 'letter', 'other'];
const KINDS = ['order', 'quotation', 'stock_check', 'consultation', 'complaint', 'sample', 'catalogue', 'other'];

export const LogContactDialog = ({
  customer,
  open,
  onClose,
  onLogged,
}: {
  customer: { documentId: string; name: string };
  open: boolean;
  onClose: () => void;
  onLogged: () => void;
}) => {
  const text = useFileText();
  const client = useFetchClient();
  const empty: ContactEntry = { direction: 'incoming', channel: 'phone', kind: 'consultation', summary: '' };
  const [entry, setEntry] = React.useState<ContactEntry>(empty);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const choice = (field: 'direction' | 'channel' | 'kind', codes: string[]) => (
    <Field.Root name={field}>
      <Field.Label>{text.t(`log.${field}`)}</Field.Label>
      <SingleSelect value={entry[field]} onChange={(value) => setEntry({ ...entry, [field]: String(value) })}>
        {codes.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {text.option('api::inquiry.inquiry', field, code)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
  const save = async () => {
    setSaving(true);
    try {
      const sent = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== '')) as ContactEntry;
      await customerFileApi(client).logContact(customer.documentId, sent);
      setEntry(empty);
      setProblem(null);
      onLogged();
    } catch (failure) {
      setProblem(text.t('log.failed', { message: problemOf(failure).message }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{text.t('log.title', { customer: customer.name })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {choice('direction', DIRECTIONS)}
            {choice('channel', CHANNELS)}
            {choice('kind', KINDS)}
            <Field.Root name="summary" required>
              <Field.Label>{text.t('log.summary')}</Field.Label>
              <Textarea
                value={entry.summary}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setEntry({ ...entry, summary: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="outcome">
              <Field.Label>{text.t('log.outcome')}</Field.Label>
              <Textarea
                value={entry.outcome ?? ''}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setEntry({ ...entry, outcome: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="followUpDate">
              <Field.Label>{text.t('log.followUp')}</Field.Label>
              <TextInput
                type="date"
                value={entry.followUpDate ?? ''}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEntry({ ...entry, followUpDate: event.target.value })}
              />
            </Field.Root>
            {problem ? (
              <Typography role="alert" textColor="danger600">
                {problem}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>
            {text.t('log.cancel')}
          </Button>
          <Button onClick={save} loading={saving} disabled={entry.summary.trim() === ''}>
            {text.t('log.save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const CustomerFileView = ({ documentId }: { documentId: string }) => {
  const text = useFileText();
  const client = useFetchClient();
  const [file, setFile] = React.useState<CustomerFile | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [logging, setLogging] = React.useState(false);
  const [notice, setNotice] = React.useState<string | null>(null);
  const load = React.useCallback(
    () =>
      customerFileApi(client)
        .file(documentId)
        .then((answer) => setFile(answer))
        .catch((failure: unknown) => setProblem(problemOf(failure).message)),
    [client, documentId]
  );
  React.useEffect(() => {
    void load();
  }, [load]);
  if (problem) return <Page.Error content={text.t('file.loadFailed', { message: problem })} />;
  if (!file) return <Page.Loading />;
  const { header } = file;
  return (
    <Page.Main>
      <Page.Title>{`${header.name} — ${text.t('search.title')}`}</Page.Title>
      <Layouts.Header
        title={header.name}
        subtitle={text.t('file.subtitle', { code: header.code, grade: header.grade, region: header.region ?? '—' })}
        secondaryAction={!header.active ? <Badge>{text.t('header.inactive')}</Badge> : undefined}
        primaryAction={
          <Link to={recordPage('api::customer.customer', documentId)}>
            <Button variant="secondary">{text.t('file.editRecord')}</Button>
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Header file={file} text={text} />
          {notice ? (
            <Typography role="status" textColor="success600">
              {notice}
            </Typography>
          ) : null}
          {file.orders ? <OrdersSection file={file} text={text} /> : null}
          {file.orders ? <StatisticsSection documentId={documentId} text={text} /> : null}
          {file.money ? <MoneySection file={file} text={text} /> : null}
          {file.credit ? (
            <FileSection title={text.t('section.credit')}>
              <CreditRecordContent documentId={documentId} />
            </FileSection>
          ) : null}
          {file.complaints ? <ComplaintsSection file={file} text={text} /> : null}
          {file.contacts ? (
            <ContactsSection file={file} text={text} onLog={file.contacts.log ? () => setLogging(true) : undefined} />
          ) : null}
          {file.opinions ? <OpinionsSection file={file} text={text} /> : null}
          {file.needs ? <NeedsSection file={file} text={text} /> : null}
          {file.documents ? <DocumentsSection file={file} text={text} /> : null}
        </Flex>
        <LogContactDialog
          customer={{ documentId, name: header.name }}
          open={logging}
          onClose={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            setNotice(text.t('log.saved'));
            void load();
          }}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

const CustomerFilePage = () => {
  const documentId = (useParams()['*'] ?? '').split('/')[0];
  return documentId ? <CustomerFileView key={documentId} documentId={documentId} /> : <CustomerSearch />;
};

export default CustomerFilePage;
