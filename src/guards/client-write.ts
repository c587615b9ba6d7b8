/**
 * The part of a write a client may make: the fields the server owns (src/domain/server-owned.ts)
 * are removed at the top level and in every component row, whichever client sent them.
 */
import type { Core } from '@strapi/strapi';
import { SERVER_OWNED } from '../domain/server-owned';
import { attributesOf } from './types';

type Data = Record<string, unknown>;

export const withoutServerOwned = (strapi: Core.Strapi, uid: string, data: Data): Data => {
  const owned = SERVER_OWNED[uid] ?? [];
  const attributes = attributesOf(strapi, uid);
  const kept: Data = {};
  for (const [field, value] of Object.entries(data)) {
    if (owned.includes(field)) continue;
    const attribute = attributes[field];
    if (attribute?.type === 'component' && attribute.component && value && typeof value === 'object') {
      const strip = (row: unknown) =>
        row && typeof row === 'object' ? withoutServerOwned(strapi, attribute.component!, row as Data) : row;
      kept[field] = Array.isArray(value) ? value.map(strip) : strip(value);
    } else {
      kept[field] = value;
    }
  }
  return kept;
};
