/**
 * Business records for tests, made through the REST API as a staff member would make them, and the
 * checks most tests share: a refusal is a 400 naming the field, and counting what was written.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { rest, StaffMember } from './staff';

export const unique = () => crypto.randomBytes(4).toString('hex');

/** A record as the REST API returns it: at least its row id and documentId. */
export type Doc = { id: number; documentId: string; [field: string]: any };

const created = (what: string, res: Response): Doc => {
  if (res.status !== 201) throw new Error(`${what} was not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

/**
 * A customer made by `member` through REST. Credit terms (creditLimit, paymentTermsDays) are the
 * sales manager's decision, not the file keeper's: given here, they are written directly as trusted
 * setup, as if set before the test began (no credit event).
 */
export const createCustomer = async (strapi: Core.Strapi, member: StaffMember, data: Record<string, unknown> = {}) => {
  const { creditLimit, paymentTermsDays, ...file } = data;
  const customer = created(
    'customer',
    await rest(strapi, member).post('/api/customers', { data: { name: `客户 ${unique()}`, region: '华东', ...file } })
  );
  const terms = Object.fromEntries(Object.entries({ creditLimit, paymentTermsDays }).filter(([, value]) => value !== undefined));
  if (Object.keys(terms).length === 0) return customer;
  const written = await strapi.db.query('api::customer.customer').update({ where: { documentId: customer.documentId }, data: terms });
  return { ...customer, creditLimit: written.creditLimit, paymentTermsDays: written.paymentTermsDays } as Doc;
};

export const createProduct = async (strapi: Core.Strapi, member: StaffMember, data: Record<string, unknown> = {}) =>
  created(
    'product',
    await rest(strapi, member).post('/api/products', {
      data: {
        sku: `SKU-${unique()}`,
        name: 'Centrifugal pump 离心泵',
        specification: 'DN50 PN16',
        unit: 'pcs',
        listPrice: '1280.00',
        ...data,
      },
    })
  );

export const createOrder = async (strapi: Core.Strapi, member: StaffMember, data: Record<string, unknown>) =>
  created('order', await rest(strapi, member).post('/api/orders?populate=*', { data }));

export const createInquiry = async (strapi: Core.Strapi, member: StaffMember, data: Record<string, unknown>) =>
  created(
    'inquiry',
    await rest(strapi, member).post('/api/inquiries', { data: { kind: 'quotation', summary: 'Asks for a price list', ...data } })
  );

/** Counts the rows of a content type or component (e.g. 'api::order.order', 'order.line'). */
export const countRows = (strapi: Core.Strapi, uid: string): Promise<number> => strapi.db.query(uid as never).count();

/**
 * A refused write: 400 ValidationError, no data, and the message or details name `field` so the
 * user knows what to correct.
 */
export const expectValidationError = (res: Response, field: string) => {
  expect({ status: res.status, data: res.body?.data, name: res.body?.error?.name }).toEqual({
    status: 400,
    data: null,
    name: 'ValidationError',
  });
  const { message, details } = res.body.error;
  expect(JSON.stringify({ message, details })).toContain(field);
};

/** A refusal for lack of rights: 403 Forbidden and no data. */
export const expectForbidden = (res: Response) => {
  expect({ status: res.status, data: res.body?.data ?? null, name: res.body?.error?.name }).toEqual({
    status: 403,
    data: null,
    name: 'ForbiddenError',
  });
};

/** The calendar year now in the company's report time zone, computed independently of src/. */
export const businessYear = (timeZone = 'Asia/Shanghai'): number =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date()));

export const orderNumber = (sequence: number, year = businessYear()) => `SO-${year}-${String(sequence).padStart(6, '0')}`;
