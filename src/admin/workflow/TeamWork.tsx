/**
 * The supervisor's tabs of the My work page: the team view (监督, GET /workflows/my-work/team) —
 * each member's open work by kind and overdue, a member's whole list on a click — and the
 * performance sheet (考评, GET /workflows/my-work/performance?month) with its XLSX.
 */
import * as React from 'react';
import { Badge, Field, Flex, Table, Tbody, Td, TextButton, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { WorkItem } from '../../domain/my-work';
import { PERFORMANCE_FIGURES, PerformanceRow } from '../../domain/supervision';
import { problemOf } from './api';
import { useWorkflowText } from './text';
import type { MessageKey } from './translations';
import { WorkTable } from './WorkTable';
import { DownloadButton } from './DownloadButton';

interface TeamMember {
  staffId: number;
  name: string;
  role: string | null;
  counts: { total: number; overdue: number; byKind: Record<string, number> };
}

/** A GET of the admin routes: the answer's data, or why not (a 403 for whoever supervises nobody). */
const useAnswer = <T,>(url: string | null) => {
  const client = useFetchClient();
  const [answer, setAnswer] = React.useState<{ data?: T; error?: string; status?: number }>({});
  React.useEffect(() => {
    if (!url) return undefined;
    let live = true;
    setAnswer({});
    client
      .get<{ data: T }>(url)
      .then((response) => live && setAnswer({ data: response.data.data }))
      .catch((failure: unknown) => live && setAnswer({ error: problemOf(failure).message, status: problemOf(failure).status }));
    return () => {
      live = false;
    };
  }, [client, url]);
  return answer;
};

/** Whether the caller has a team: the team view answers them (anyone else is refused). */
export const useTeam = () => useAnswer<{ members: TeamMember[] }>('/workflows/my-work/team');

const kindLabel = (code: string, text: ReturnType<typeof useWorkflowText>) =>
  code === 'late-order'
    ? text.t('myWork.lateOrder')
    : code === 'credit-override'
      ? text.t('myWork.creditOverride')
      : text.t(`${code}.title` as MessageKey);

const MemberWork = ({ member, onBack }: { member: TeamMember; onBack: () => void }) => {
  const text = useWorkflowText();
  const { data, error } = useAnswer<{ items: WorkItem[] }>(`/workflows/my-work/team/${member.staffId}`);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-member-work={member.staffId}>
      <Flex gap={4}>
        <TextButton onClick={onBack}>{text.t('myWork.team.back')}</TextButton>
        <Typography variant="delta">{text.t('myWork.team.of', { name: member.name })}</Typography>
      </Flex>
      {error ? <Typography textColor="danger600">{text.t('myWork.error', { message: error })}</Typography> : null}
      {data && data.items.length === 0 ? <Typography>{text.t('myWork.empty')}</Typography> : null}
      {data && data.items.length > 0 ? <WorkTable items={data.items} label={text.t('myWork.team.of', { name: member.name })} /> : null}
    </Flex>
  );
};

export const TeamTab = ({ members }: { members: TeamMember[] }) => {
  const text = useWorkflowText();
  const [opened, setOpened] = React.useState<TeamMember | null>(null);
  if (opened) return <MemberWork member={opened} onBack={() => setOpened(null)} />;
  if (members.length === 0) return <Typography>{text.t('myWork.team.empty')}</Typography>;
  return (
    <Table colCount={5} rowCount={members.length + 1} aria-label={text.t('myWork.tab.team')}>
      <Thead>
        <Tr>
          {(['member', 'role', 'open', 'overdue', 'byKind'] as const).map((column) => (
            <Th key={column}>
              <Typography variant="sigma">{text.t(`myWork.team.${column}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {members.map((member) => (
          <Tr key={member.staffId} data-team-member={member.staffId}>
            <Td>
              <TextButton onClick={() => setOpened(member)}>{member.name}</TextButton>
            </Td>
            <Td>
              <Typography variant="omega">{member.role ? text.role(member.role) : '—'}</Typography>
            </Td>
            <Td>
              <Typography variant="omega">{member.counts.total}</Typography>
            </Td>
            <Td>
              {member.counts.overdue > 0 ? (
                <Badge variant="danger">{member.counts.overdue}</Badge>
              ) : (
                <Typography variant="omega">0</Typography>
              )}
            </Td>
            <Td>
              <Typography variant="pi">
                {Object.entries(member.counts.byKind)
                  .map(([kind, count]) => `${kindLabel(kind, text)} ${count}`)
                  .join('，')}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const thisMonth = () => new Date().toISOString().slice(0, 7);

export const PerformanceTab = () => {
  const text = useWorkflowText();
  const [month, setMonth] = React.useState(thisMonth());
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { data, error } = useAnswer<{ month: string; rows: PerformanceRow[] }>(
    valid ? `/workflows/my-work/performance?month=${month}` : null
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end">
        <Field.Root name="month">
          <Field.Label>{text.t('myWork.perf.month')}</Field.Label>
          <TextInput type="month" value={month} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMonth(event.target.value)} />
        </Field.Root>
        <DownloadButton
          path={`/workflows/my-work/performance?month=${month}&format=xlsx`}
          fileName={`performance-${month}.xlsx`}
          label={text.t('myWork.perf.export')}
          failed="myWork.perf.failed"
          disabled={!valid}
        />
      </Flex>
      {error ? <Typography textColor="danger600">{text.t('myWork.error', { message: error })}</Typography> : null}
      {data && data.rows.length === 0 ? <Typography>{text.t('myWork.perf.empty')}</Typography> : null}
      {data && data.rows.length > 0 ? (
        <Table colCount={PERFORMANCE_FIGURES.length + 2} rowCount={data.rows.length + 1} aria-label={text.t('myWork.tab.performance')}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{text.t('myWork.team.member')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{text.t('myWork.team.role')}</Typography>
              </Th>
              {PERFORMANCE_FIGURES.map((figure) => (
                <Th key={figure}>
                  <Typography variant="sigma">{text.t(`myWork.figure.${figure}`)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {data.rows.map((row) => (
              <Tr key={row.staffId} data-performance-row={row.staffId}>
                <Td>
                  <Typography variant="omega">{row.name}</Typography>
                </Td>
                <Td>
                  <Typography variant="omega">{row.role ? text.role(row.role) : '—'}</Typography>
                </Td>
                {PERFORMANCE_FIGURES.map((figure) => (
                  <Td key={figure}>
                    <Typography variant="omega">{row[figure] ?? '—'}</Typography>
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
    </Flex>
  );
};
