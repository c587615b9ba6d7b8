/**
 * Human-readable record numbers: `SO-2026-000123` for orders and `HT-2026-00012` for contracts,
 * `TS-2026-00045` for complaints (yearly series), `C-000123` for customers (one series). The sequence value itself comes from
 * the database (src/sequences).
 */

export interface NumberSeries {
  prefix: string;
  /** Digits of the sequence part, zero-padded. */
  width: number;
  /** Whether the series restarts each year and carries the year in the number. */
  yearly: boolean;
}

export const SERIES = {
  customer: { prefix: 'C', width: 6, yearly: false },
  order: { prefix: 'SO', width: 6, yearly: true },
  contract: { prefix: 'HT', width: 5, yearly: true },
  complaint: { prefix: 'TS', width: 5, yearly: true },
} as const satisfies Record<string, NumberSeries>;

/** The key under which the database keeps the series' counter, e.g. `SO-2026`. */
export const seriesKey = (series: NumberSeries, year: number): string =>
  series.yearly ? `${series.prefix}-${year}` : series.prefix;

export const formatNumber = (series: NumberSeries, year: number, value: number): string => {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`Invalid sequence value ${value}`);
  const sequence = String(value).padStart(series.width, '0');
  return series.yearly ? `${series.prefix}-${year}-${sequence}` : `${series.prefix}-${sequence}`;
};
