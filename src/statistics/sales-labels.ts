/** What the dashboard shows for a salesperson's or customer's key: their name, or code and name. */
import type { Core } from '@strapi/strapi';
import { CUSTOMER } from '../platform/uids';
import { Breakdown } from './sales-sums';

/** Labels of the shown keys: names of salespeople, code and name of customers (keyed by documentId). */
export const labelled = async (
  strapi: Core.Strapi,
  by: Breakdown,
  keys: string[]
): Promise<Map<string, { key: string; label: string }>> => {
  const ids = keys.filter((key) => key !== '').map(Number);
  const labels = new Map(keys.map((key) => [key, { key, label: key === '' ? '(none)' : key }]));
  if (ids.length === 0) return labels;
  if (by === 'salesperson') {
    const users = await strapi.db
      .query('plugin::users-permissions.user')
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'displayName', 'username'] });
    for (const user of users) labels.set(String(user.id), { key: String(user.id), label: user.displayName || user.username });
  }
  if (by === 'customer') {
    const customers = await strapi.db
      .query(CUSTOMER)
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] });
    for (const customer of customers)
      labels.set(String(customer.id), { key: customer.documentId, label: `${customer.code ?? ''} ${customer.name}`.trim() });
  }
  return labels;
};
