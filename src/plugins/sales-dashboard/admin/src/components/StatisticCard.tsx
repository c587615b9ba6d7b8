/**
 * One statistic on the dashboard: its title and controls, the chart, the sortable table of the
 * same rows, and "Export XLSX" of that table (with the export permission). While the answer is
 * awaited it says so; an empty answer and a failed one each get their own message (with retry).
 */
import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { Download, ArrowClockwise, WarningCircle, ChartPie } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { saveFile } from '../../../../../admin/files';
import { problemOf } from '../../../../../admin/workflow/api';
import type { Params, TableName } from '../api';
import { Loaded, useDashboardAccess, useDashboardApi } from '../hooks';
import { useDashboardText } from '../text';

const ExportButton = ({ table, params, label }: { table: TableName; params: Params; label: string }) => {
  const api = useDashboardApi();
  const text = useDashboardText();
  const { toggleNotification } = useNotification();
  const [isExporting, setExporting] = React.useState(false);
  const exportTable = async () => {
    setExporting(true);
    try {
      const { file, fileName } = await api.export(table, params);
      saveFile(file, fileName);
    } catch (error) {
      toggleNotification({ type: 'danger', message: text.t('export.failed', { message: problemOf(error).message }) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button
      variant="tertiary"
      size="S"
      startIcon={<Download />}
      onClick={exportTable}
      loading={isExporting}
      aria-label={`${text.t('export.button')}: ${label}`}
    >
      {text.t('export.button')}
    </Button>
  );
};

export const StatisticCard = <T,>({
  name,
  title,
  loaded,
  isEmpty,
  controls,
  chart,
  table,
  note,
  exportAs,
}: {
  /** Names the card for tests and screenshots (`data-statistic`). */
  name: string;
  title: string;
  loaded: Loaded<T> & { retry: () => void };
  isEmpty: (data: T) => boolean;
  controls?: React.ReactNode;
  chart: (data: T) => React.ReactNode;
  table: (data: T) => React.ReactNode;
  note?: (data: T) => React.ReactNode;
  exportAs?: { table: TableName; params: Params };
}) => {
  const text = useDashboardText();
  const access = useDashboardAccess();
  const headingId = `sales-dashboard-${name}`;
  const ready = loaded.status === 'ready' && !isEmpty(loaded.data);
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      data-statistic={name}
      data-state={loaded.status === 'ready' ? (ready ? 'ready' : 'empty') : loaded.status}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      height="100%"
    >
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap" paddingBottom={3}>
        <Typography variant="delta" tag="h3" id={headingId}>
          {title}
        </Typography>
        <Flex gap={2} alignItems="flex-end" wrap="wrap">
          {controls}
          {exportAs && access.export && ready && <ExportButton table={exportAs.table} params={exportAs.params} label={title} />}
        </Flex>
      </Flex>
      {loaded.status === 'loading' && (
        <Flex justifyContent="center" alignItems="center" height="280px">
          <Loader>{text.t('state.loading')}</Loader>
        </Flex>
      )}
      {loaded.status === 'error' && (
        <EmptyStateLayout
          icon={<WarningCircle width="6.4rem" height="6.4rem" fill="danger600" />}
          content={text.t('state.error', { message: loaded.error.message })}
          action={
            <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={loaded.retry}>
              {text.t('state.retry')}
            </Button>
          }
        />
      )}
      {loaded.status === 'ready' && !ready && (
        <EmptyStateLayout icon={<ChartPie width="6.4rem" height="6.4rem" />} content={text.t('state.empty')} />
      )}
      {loaded.status === 'ready' && ready && (
        <Flex direction="column" alignItems="stretch" gap={4}>
          {chart(loaded.data)}
          {note && (
            <Typography variant="pi" textColor="neutral600">
              {note(loaded.data)}
            </Typography>
          )}
          <Box overflow="auto" maxHeight="360px">
            {table(loaded.data)}
          </Box>
        </Flex>
      )}
    </Box>
  );
};
