/**
 * The app's own schema beside Strapi's — counters, leases, the dunning log, roll-ups, snapshots,
 * indexes on Strapi's tables — as numbered versions (database/versions/, described for a DBA in
 * database/README.md), applied once each, in order, at bootstrap: after Strapi's schema sync, so
 * Strapi's tables exist. (Strapi's own database/migrations/ runs before the sync, which is why the
 * versions are not there.)
 *
 * `schema_versions` records each version applied (version, name, applied_at). A version runs in one
 * transaction with the insert of its row, and the row is inserted first: two instances starting at
 * once both try to insert it, the second waits on the primary key (PostgreSQL) or the database
 * write lock (SQLite) and, when the first commits, inserts nothing and skips the version; if the
 * first fails and rolls back, the second applies it. PostgreSQL and SQLite both roll DDL back with
 * the transaction, so a version that fails leaves nothing half done and is retried at the next start.
 */
import type { Core } from '@strapi/strapi';
import { RollUp, SchemaVersion, VERSIONS, VersionContext } from '../../database/versions';
import { metaOf } from './table-meta';

export const SCHEMA_VERSIONS_TABLE = 'schema_versions';
/** pg_advisory_xact_lock key for creating the versions table: two instances' CREATE TABLE IF NOT EXISTS can otherwise collide. */
const CREATE_LOCK = 0x5c4e3a01;

type Knex = Core.Strapi['db']['connection'];

export interface AppliedVersions {
  /** The versions this call applied (empty when the database was up to date). */
  applied: number[];
  /** The roll-ups whose tables those versions created: to be filled from the base tables. */
  rebuild: Set<RollUp>;
}

const checkOrder = (versions: SchemaVersion[]) => {
  versions.forEach((v, i) => {
    if (!Number.isInteger(v.version) || v.version < 1 || (i > 0 && v.version <= versions[i - 1].version)) {
      throw new Error(`schema versions must be listed in increasing order: ${v.version} (${v.name}) after ${versions[i - 1]?.version}`);
    }
  });
};

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;

const createVersionsTable = async (strapi: Core.Strapi) => {
  const postgres = strapi.db.dialect.client === 'postgres';
  await strapi.db.connection.transaction(async (trx) => {
    if (postgres) await trx.raw('SELECT pg_advisory_xact_lock(?)', [CREATE_LOCK]);
    await trx.raw(`CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSIONS_TABLE} (
      version integer NOT NULL PRIMARY KEY,
      name varchar(100) NOT NULL,
      applied_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
  });
};

/** The versions recorded as applied, by number. */
export const appliedVersions = async (strapi: Core.Strapi): Promise<number[]> =>
  (await strapi.db.connection(SCHEMA_VERSIONS_TABLE).select('version').orderBy('version')).map((row: { version: unknown }) =>
    Number(row.version)
  );

/** Applies the versions not yet recorded, each in its own transaction; see the top of this file. */
export const applySchemaVersions = async (strapi: Core.Strapi, versions: SchemaVersion[] = VERSIONS): Promise<AppliedVersions> => {
  checkOrder(versions);
  await createVersionsTable(strapi);
  const recorded = new Set(await appliedVersions(strapi));
  const newest = versions.at(-1)?.version ?? 0;
  const unknown = [...recorded].filter((v) => v > newest);
  if (unknown.length > 0) {
    // An older build starting on a database a newer one has moved on (a rolling deploy): it keeps running on the newer schema.
    strapi.log.warn(`schema_versions records ${unknown.join(', ')}, newer than this build knows (${newest}).`);
  }
  const result: AppliedVersions = { applied: [], rebuild: new Set() };
  for (const version of versions) {
    if (recorded.has(version.version)) continue;
    const rebuild = new Set<RollUp>();
    const applied = await strapi.db.connection.transaction(async (trx) => {
      // The claim comes first: on SQLite a transaction that has read cannot wait for the write lock.
      const claimed = rowsOf(
        await trx.raw(
          `INSERT INTO ${SCHEMA_VERSIONS_TABLE} (version, name) VALUES (?, ?) ON CONFLICT (version) DO NOTHING RETURNING version`,
          [version.version, version.name]
        )
      );
      if (claimed.length === 0) return false;
      const context: VersionContext = {
        knex: trx as unknown as Knex,
        client: strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite',
        table: (uid) => {
          const meta = metaOf(strapi, uid);
          return { name: meta.table, column: meta.column };
        },
        rebuild: (rollUp) => rebuild.add(rollUp),
      };
      await version.up(context);
      return true;
    });
    if (!applied) continue;
    strapi.log.info(`Schema version ${version.version} (${version.name}) applied.`);
    result.applied.push(version.version);
    for (const rollUp of rebuild) result.rebuild.add(rollUp);
  }
  return result;
};
