/**
 * Human-readable record numbers, in yearly series: `SO-2026-000123` orders, `HT-2026-00012`
 * contracts, `TS-2026-00045` complaints, `CK-2026-000123` shipments, `SK-2026-000123` payments, `DZ-2026-000123` statements; and `C-000123` customers (one
 * series). The sequence value itself comes from the database (src/sequences).
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
  shipment: { prefix: 'CK', width: 6, yearly: true },
  payment: { prefix: 'SK', width: 6, yearly: true },
  statement: { prefix: 'DZ', width: 6, yearly: true },
} as const satisfies Record<string, NumberSeries>;

/** The key under which the database keeps the series' counter, e.g. `SO-2026`. */
export const seriesKey = (series: NumberSeries, year: number): string => (series.yearly ? `${series.prefix}-${year}` : series.prefix);

export const formatNumber = (series: NumberSeries, year: number, value: number): string => {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`Invalid sequence value ${value}`);
  const sequence = String(value).padStart(series.width, '0');
  return series.yearly ? `${series.prefix}-${year}-${sequence}` : `${series.prefix}-${sequence}`;
};
