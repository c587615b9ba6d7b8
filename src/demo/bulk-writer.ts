/**
 * Writes many documents at once with multi-row INSERTs, for demo data and benchmark volumes where
 * the Document Service (one document, several queries at a time) would take hours. Table, column,
 * link-table and component-table names all come from Strapi's metadata, so the rows are exactly
 * what the Document Service would have written. It bypasses the guards: callers must hand it data
 * that already obeys the rules (numbers, totals, relations).
 */
import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../domain/document-id';

type Knex = Core.Strapi['db']['connection'];

export interface BulkRecord {
  /** The document's documentId, when the caller needs to know it (e.g. to name it in history); new otherwise. */
  documentId?: string;
  /** Scalar attributes by attribute name. */
  values: Record<string, unknown>;
  /** To-one relations: attribute name → row id of the target (null for none). */
  links?: Record<string, number | null>;
  /** Repeatable components: attribute name → component records, in order. */
  components?: Record<string, BulkRecord[]>;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  pivotColumns: string[];
  on?: { field: string };
}

type Attribute = { type: string; columnName?: string; target?: string; joinTable?: JoinTable };

/**
 * Rows per INSERT: bound parameters stay under SQLite's (32,766) and PostgreSQL's (65,535) limits,
 * and rows under SQLite's 500 terms of the compound SELECT knex writes multi-row inserts as.
 */
const MAX_PARAMETERS = 30000;
const MAX_ROWS = 500;

const insertRows = async (knex: Knex, table: string, rows: Record<string, unknown>[]): Promise<number[]> => {
  if (rows.length === 0) return [];
  const width = Object.keys(rows[0]).length;
  const batch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / width)));
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += batch) {
    const inserted = await knex(table)
      .insert(rows.slice(start, start + batch))
      .returning('id');
    ids.push(...inserted.map((row: { id: number } | number) => (typeof row === 'object' ? row.id : row)));
  }
  return ids;
};

interface Meta {
  tableName: string;
  attributes: Record<string, Attribute>;
}

/** The records' rows of their own table; a document (not a component) gets its documentId and timestamps. */
const ownRows = (uid: string, meta: Meta, records: BulkRecord[], isComponent: boolean) => {
  const now = new Date();
  const column = (attribute: string) => {
    const name = meta.attributes[attribute]?.columnName;
    if (!name) throw new Error(`${uid} has no column for ${attribute}`);
    return name;
  };
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [attribute, value] of Object.entries(record.values)) row[column(attribute)] = value;
    if (!isComponent) {
      row.document_id = record.documentId ?? newDocumentId();
      row.created_at = now;
      row.updated_at = now;
      row.published_at = now; // draft & publish is off: every document is live
    }
    return row;
  });
};

/** The link-table rows of one to-one relation of the records (written as `ids`), ordered on the target's side as Strapi does. */
const linkRows = (joinTable: JoinTable, attribute: string, records: BulkRecord[], ids: number[]) => {
  const positions = new Map<number, number>();
  return records.flatMap((record, index) => {
    const target = record.links?.[attribute];
    if (target === null || target === undefined) return [];
    const link: Record<string, unknown> = {
      [joinTable.joinColumn.name]: ids[index],
      [joinTable.inverseJoinColumn.name]: target,
    };
    if (joinTable.inverseOrderColumnName) {
      const position = (positions.get(target) ?? 0) + 1;
      positions.set(target, position);
      link[joinTable.inverseOrderColumnName] = position;
    }
    return [link];
  });
};

export const createBulkWriter = (strapi: Core.Strapi, knex: Knex) => {
  const insert = async (uid: string, records: BulkRecord[], isComponent = false): Promise<number[]> => {
    const meta = strapi.db.metadata.get(uid as never) as unknown as Meta;
    const ids = await insertRows(knex, meta.tableName, ownRows(uid, meta, records, isComponent));

    const linkAttributes = new Set(records.flatMap((record) => Object.keys(record.links ?? {})));
    for (const attribute of linkAttributes) {
      const joinTable = meta.attributes[attribute].joinTable!;
      await insertRows(knex, joinTable.name, linkRows(joinTable, attribute, records, ids));
    }

    const componentAttributes = new Set(records.flatMap((record) => Object.keys(record.components ?? {})));
    for (const attribute of componentAttributes) {
      const { target, joinTable } = meta.attributes[attribute] as Required<Attribute>;
      const owners: { owner: number; position: number }[] = [];
      const children = records.flatMap((record, index) =>
        (record.components?.[attribute] ?? []).map((child, position) => {
          owners.push({ owner: ids[index], position: position + 1 });
          return child;
        })
      );
      const childIds = await insert(target, children, true);
      // pivotColumns: entity id, component id, field, component type
      const typeColumn = joinTable.pivotColumns[3];
      await insertRows(
        knex,
        joinTable.name,
        childIds.map((childId, index) => ({
          [joinTable.joinColumn.name]: owners[index].owner,
          [joinTable.inverseJoinColumn.name]: childId,
          field: attribute,
          [typeColumn]: target,
          [joinTable.orderColumnName!]: owners[index].position,
        }))
      );
    }
    return ids;
  };

  return { insert };
};
