/**
 * Table and column names from Strapi's metadata, for statistics written in SQL: a record's table,
 * an attribute's column, and the link table Strapi 5 keeps a relation in.
 */
import type { Core } from '@strapi/strapi';

export const metaOf = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string): string => {
    const stored = meta.attributes[attribute];
    const name = stored && 'columnName' in stored ? stored.columnName : undefined;
    if (!name) throw new Error(`${uid} has no column for ${attribute}`);
    return name;
  };
  const link = (attribute: string) => {
    const stored = meta.attributes[attribute];
    const joinTable = stored && 'joinTable' in stored ? stored.joinTable : undefined;
    if (!joinTable || !('inverseJoinColumn' in joinTable)) throw new Error(`${uid}.${attribute} is not stored in a link table`);
    return {
      table: joinTable.name,
      owner: joinTable.joinColumn.name,
      target: joinTable.inverseJoinColumn.name,
      pivotColumns: joinTable.pivotColumns,
    };
  };
  return { table: meta.tableName, column, link };
};
