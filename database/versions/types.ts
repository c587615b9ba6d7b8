/**
 * What a schema version is and what it is given. A version is DDL only: it creates (or, later,
 * changes) the tables and indexes the app keeps beside Strapi's, idempotently, because databases
 * from before the versions already have most of them. It imports nothing from src/ — a version
 * once released describes the schema as it was then and does not change with the features.
 */
import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];
export type TableBuilder = Parameters<Parameters<Knex['schema']['createTable']>[1]>[0];

/** The roll-ups a version can ask to be refilled from the base tables (by the features, after all versions are applied). */
export type RollUp = 'sales' | 'receivables';

export interface VersionContext {
  /** The transaction the version runs in (the row of schema_versions is written in it too). */
  knex: Knex;
  client: 'sqlite' | 'postgres';
  /** A Strapi content type's table and an attribute's column, from Strapi's metadata. */
  table(uid: string): { name: string; column(attribute: string): string };
  /** Asks for a roll-up to be filled from the base tables once the versions are committed (its tables are new or were replaced). */
  rebuild(rollUp: RollUp): void;
}

export interface SchemaVersion {
  /** 1, 2, 3, … in the order they are applied; never reused. */
  version: number;
  /** Short kebab-case name, the file's name without the number (recorded beside the version). */
  name: string;
  up(context: VersionContext): Promise<void>;
}
