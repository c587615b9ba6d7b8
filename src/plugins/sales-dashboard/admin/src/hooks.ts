/**
 * Data hooks of the dashboard: a statistic read for the current filters (read again whenever its
 * query changes; an answer to an older query is dropped), and what the logged-in admin may see.
 */
import * as React from 'react';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { problemOf } from '../../../../admin/workflow/api';
import { dashboardApi, DashboardApi, Params, queryString, TableAnswers, TableName } from './api';
import { ACTIONS, DashboardAction } from './permissions';

export type Loaded<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: { message: string; status?: number } }
  | { status: 'ready'; data: T; error?: undefined };

export const useDashboardApi = () => {
  const client = useFetchClient();
  return React.useMemo(() => dashboardApi(client), [client]);
};

/** Reads `load` again whenever `key` changes or `retry` is called; a stale answer is aborted. */
export const useLoad = <T>(key: string, load: (api: DashboardApi, signal: AbortSignal) => Promise<T>) => {
  const api = useDashboardApi();
  const [state, setState] = React.useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const loadRef = React.useRef(load);
  loadRef.current = load;
  React.useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadRef.current(api, controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'ready', data }),
      (error) => !controller.signal.aborted && setState({ status: 'error', error: problemOf(error) })
    );
    return () => controller.abort();
  }, [api, key, attempt]);
  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
};

/** One table's statistic for `params`. */
export const useTable = <N extends TableName>(table: N, params: Params) =>
  useLoad<TableAnswers[N]>(`${table}${queryString(params)}`, (api, signal) => api.table(table, params, signal));

/**
 * Which dashboard actions the admin holds. Read from the user's permissions rather than useRBAC,
 * which names a check by the action's last segment: `sales.read` and `receivables.read` would
 * both be `canRead`.
 */
export const useDashboardAccess = () => {
  const permissions = useAuth('SalesDashboard', (state) => state.permissions);
  return React.useMemo(() => {
    const holds = (action: DashboardAction) => permissions.some((permission) => permission.action === action);
    return { sales: holds(ACTIONS.salesRead), receivables: holds(ACTIONS.receivablesRead), export: holds(ACTIONS.export) };
  }, [permissions]);
};
