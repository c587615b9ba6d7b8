/** What the demo data's loaders share: the seeded faker, the report day, chunked writing, and the references they hand on. */
import type { fakerZH_CN } from '@faker-js/faker';
import type { Core } from '@strapi/strapi';
import type { Decimal } from '../domain/money';
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
