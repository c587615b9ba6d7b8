/**
 * Receivable aging (账龄): how many days past its due date an open item is on a given day, and
 * which bucket that falls in. The buckets' upper bounds are configurable (AGING_BUCKETS, default
 * 30,60,90,180 → not due, 1–30, 31–60, 61–90, 91–180, 180+ days past due).
 */
export const DEFAULT_AGING_BOUNDS = [30, 60, 90, 180] as const;

export interface AgingBucket {
  key: string;
  label: { en: string; zh: string };
  /** Days past due, inclusive; `to` null for the last, open-ended bucket. */
  from: number | null;
  to: number | null;
}

/** Checks the configured bounds: whole numbers, strictly increasing, the first at least 1. */
export const agingBounds = (raw: readonly (number | string)[] | undefined): number[] => {
  const bounds = (raw ?? DEFAULT_AGING_BOUNDS).map((value) => Number(value));
  if (bounds.length === 0) throw new Error('AGING_BUCKETS needs at least one bound');
  bounds.forEach((bound, index) => {
    if (!Number.isInteger(bound) || bound < 1 || (index > 0 && bound <= bounds[index - 1])) {
      throw new Error(`AGING_BUCKETS must be increasing whole numbers of days >= 1; got ${bounds.join(',')}`);
    }
  });
  return bounds;
};

/** Not due, then one bucket per bound, then everything beyond the last bound. */
export const agingBuckets = (bounds: readonly number[]): AgingBucket[] => {
  const last = bounds[bounds.length - 1];
  return [
    { key: 'not_due', label: { en: 'Not due', zh: '未到期' }, from: null, to: 0 },
    ...bounds.map((to, index) => {
      const from = index === 0 ? 1 : bounds[index - 1] + 1;
      return { key: `d${from}_${to}`, label: { en: `${from}–${to} days`, zh: `逾期${from}–${to}天` }, from, to };
    }),
    { key: `d${last}_plus`, label: { en: `Over ${last} days`, zh: `逾期${last}天以上` }, from: last + 1, to: null },
  ];
};

/** Whole days from the due date to `asOf` (both YYYY-MM-DD): 0 on the due date, negative before it. */
export const daysPastDue = (dueDate: string, asOf: string): number =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);

export const bucketOf = (days: number, buckets: readonly AgingBucket[]): AgingBucket =>
  buckets.find((bucket) => (bucket.from === null || days >= bucket.from) && (bucket.to === null || days <= bucket.to))!;
