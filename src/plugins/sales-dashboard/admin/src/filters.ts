/**
 * The dashboard's filters live in the URL's query string, so a filtered view can be bookmarked,
 * shared and gone back to. The common filters go to every statistic; `grain` only to the trend.
 */
import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import { Grain, GRAINS } from './api';

export const FILTER_NAMES = ['from', 'to', 'region', 'salesperson', 'customer', 'category'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

export const useDashboardFilters = () => {
  const [search, setSearch] = useSearchParams();
  const query = search.toString();
  const filters = React.useMemo(() => {
    const read = new URLSearchParams(query);
    const values: Filters = {};
    for (const name of FILTER_NAMES) {
      const value = read.get(name);
      if (value) values[name] = value;
    }
    return values;
  }, [query]);
  const rawGrain = search.get('grain');
  const grain: Grain = GRAINS.includes(rawGrain as Grain) ? (rawGrain as Grain) : 'month';

  /** Sets (or with an empty value clears) query parameters, keeping the others. */
  const change = React.useCallback(
    (changes: Partial<Record<FilterName | 'grain', string | null>>) =>
      setSearch((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      }),
    [setSearch]
  );
  const reset = React.useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  return { filters, grain, change, reset };
};
