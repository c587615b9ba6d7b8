/** What the demo data's loaders share: the seeded faker, the report day, chunked writing, and the references they hand on. */
import type { fakerZH_CN } from '@faker-js/faker';
import type { Core } from '@strapi/strapi';
import { formatNumber, NumberSeries, seriesKey } from '../domain/document-number';
import type { Decimal } from '../domain/money';
import { reserveSequence } from '../platform/next-number';
import type { createBulkWriter } from './bulk-writer';

export type Faker = typeof fakerZH_CN;
export type BulkWriter = ReturnType<typeof createBulkWriter>;

export interface DemoRun {
  strapi: Core.Strapi;
  faker: Faker;
  /** Today in the report zone: the demo's dates count back from it. */
  today: string;
  /** Writes `total` records in chunks, each chunk one transaction with its own bulk writer, reporting progress as `step`. */
  inChunks: (step: string, total: number, write: (writer: BulkWriter, from: number, to: number) => Promise<void>) => Promise<void>;
}

export interface CustomerRef {
  id: number;
  salespersonId: number | null;
  region: string;
  weight: number;
  overseas: boolean;
  /** A potential need this customer has told us of, if any. */
  need: string | null;
}
export interface ProductRef {
  id: number;
  listPrice: Decimal;
  specification: string;
  stockOnHand: number;
  stockReserved: number;
}
export type WeightedCustomers = { value: CustomerRef; weight: number }[];

/** A demo step's moment on `day` (YYYY-MM-DD): 10:00 in China, when the office is at work. */
export const morningOf = (day: string): Date => new Date(`${day}T02:00:00Z`);

/**
 * Numbers for records dated `days` (YYYY-MM-DD), in that order: each year's block reserved from the
 * live counter at once, so numbers follow the dates within a year and the app continues after them.
 */
export const numbersForDays = async (strapi: Core.Strapi, series: NumberSeries, days: readonly string[]): Promise<string[]> => {
  const yearOf = (day: string) => Number(day.slice(0, 4));
  const perYear = new Map<number, number>();
  for (const day of days) perYear.set(yearOf(day), (perYear.get(yearOf(day)) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, count] of perYear) next.set(year, (await reserveSequence(strapi, seriesKey(series, year), count)) - count + 1);
  return days.map((day) => {
    const sequence = next.get(yearOf(day))!;
    next.set(yearOf(day), sequence + 1);
    return formatNumber(series, yearOf(day), sequence);
  });
};
