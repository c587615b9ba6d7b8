/**
 * Table and column names from Strapi's metadata, for statistics written in SQL: a record's table,
 * an attribute's column, and the link table Strapi 5 keeps a relation in.
 */
import type { Core } from '@strapi/strapi';

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
}

export const metaOf = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid) as unknown as Meta;
  const column = (attribute: string): string => {
    const name = meta.attributes[attribute]?.columnName;
    if (!name) throw new Error(`${uid} has no column for ${attribute}`);
    return name;
  };
  const link = (attribute: string) => {
    const joinTable = meta.attributes[attribute]?.joinTable;
    if (!joinTable) throw new Error(`${uid}.${attribute} is not stored in a link table`);
    return { table: joinTable.name, owner: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name };
  };
  return { table: meta.tableName, column, link };
};
