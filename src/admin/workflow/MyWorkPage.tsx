/**
 * "My work" (我的待办) as a page: the logged-in person's whole work list (GET /workflows/my-work),
 * most urgent first, filtered by what it is (contracts, orders, complaints, shipments, tasks, late
 * orders), overdue only, or a number or customer typed in; each item links to its record. The home
 * page widget shows the head of the same list and links here. A supervisor also has the team view
 * and the performance sheet (./TeamWork.tsx) as tabs; the marketing VP sees the customers on hold.
 * Below the person's own list, their choice of mail per kind: immediately or in the daily digest
 * (./MailPreferences.tsx).
 */
import * as React from 'react';
import { Box, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Tabs, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { WorkItem } from '../../domain/my-work';
import { DownloadButton } from './DownloadButton';
import { MailPreferencesSection } from './MailPreferences';
import { CreditHolds, useMyWork, WorkList } from './MyWorkWidget';
import { PerformanceTab, TeamTab, useTeam } from './TeamWork';
import { useWorkflowText } from './text';
import type { MessageKey } from './translations';
import { WorkTable } from './WorkTable';

const ALL = 'all';
const kindOf = (item: WorkItem) => (item.kind === 'action' ? item.subject : item.kind);

/** The person's own list with its filters. */
const MyItems = ({ work }: { work: WorkList }) => {
  const text = useWorkflowText();
  const [kind, setKind] = React.useState<string>(ALL);
  const [overdueOnly, setOverdueOnly] = React.useState(false);
  const [typed, setTyped] = React.useState('');
  const kinds = [...new Set(work.items.map(kindOf))];
  const needle = typed.trim().toLowerCase();
  const shown = work.items.filter(
    (item) =>
      (kind === ALL || kindOf(item) === kind) &&
      (!overdueOnly || item.overdue) &&
      (!needle || `${item.number ?? ''} ${item.customer ?? ''}`.toLowerCase().includes(needle))
  );
  const kindLabel = (code: string) =>
    code === 'late-order'
      ? text.t('myWork.lateOrder')
      : code === 'credit-override'
        ? text.t('myWork.creditOverride')
        : text.t(`${code}.title` as MessageKey);
  return (
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
        {kinds.includes('late-order') ? (
          // The whole late-order watch (进度交期跟踪), not only the list's first 200.
          <DownloadButton
            path="/workflows/late-orders?format=xlsx"
            fileName="late-orders.xlsx"
            label={text.t('myWork.lateExport')}
            failed="myWork.perf.failed"
          />
        ) : null}
      </Flex>
      {work.items.length === 0 ? (
        <Typography>{text.t('myWork.empty')}</Typography>
      ) : (
        <>
          <Typography variant="pi">{text.t('myWork.shown', { shown: shown.length, total: work.items.length })}</Typography>
          <WorkTable items={shown} label={text.t('myWork.title')} />
        </>
      )}
      {work.creditHolds?.length ? <CreditHolds holds={work.creditHolds} text={text} /> : null}
      <MailPreferencesSection />
    </Flex>
  );
};

const MyWorkPage = () => {
  const text = useWorkflowText();
  const { work, error } = useMyWork();
  const team = useTeam();
  if (error) return <Page.Error content={text.t('myWork.error', { message: error })} />;
  if (!work) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{text.t('myWork.title')}</Page.Title>
      <Layouts.Header title={text.t('myWork.title')} subtitle={text.t('myWork.pageSubtitle')} />
      <Layouts.Content>
        {team.data ? (
          <Tabs.Root defaultValue="mine">
            <Tabs.List aria-label={text.t('myWork.title')}>
              <Tabs.Trigger value="mine">{text.t('myWork.tab.mine')}</Tabs.Trigger>
              <Tabs.Trigger value="team">{text.t('myWork.tab.team')}</Tabs.Trigger>
              <Tabs.Trigger value="performance">{text.t('myWork.tab.performance')}</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="mine">
              <Box paddingTop={4}>
                <MyItems work={work} />
              </Box>
            </Tabs.Content>
            <Tabs.Content value="team">
              <Box paddingTop={4}>
                <TeamTab members={team.data.members} />
              </Box>
            </Tabs.Content>
            <Tabs.Content value="performance">
              <Box paddingTop={4}>
                <PerformanceTab />
              </Box>
            </Tabs.Content>
          </Tabs.Root>
        ) : (
          <MyItems work={work} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default MyWorkPage;
