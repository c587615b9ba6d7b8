/**
 * How the admin panel's content manager shows our records. Fields the server owns are read-only
 * in the edit view at every start (typing into them would be silently overwritten). Relation labels
 * and list columns are set once per database: after that they are the administrators' to change
 * through "Configure the view".
 */
import type { Core } from '@strapi/strapi';

const SERVER_OWNED: Record<string, string[]> = {
  'api::order.order': ['number', 'total', 'salesperson', 'region', 'status'],
  'order.line': ['lineAmount'],
};

/** The field a relation picker shows for a record of the type. */
const MAIN_FIELDS: Record<string, string> = {
  'api::customer.customer': 'name',
  'api::product.product': 'sku',
  'api::order.order': 'number',
  'api::inquiry.inquiry': 'summary',
  'plugin::users-permissions.user': 'displayName',
};

const LIST_COLUMNS: Record<string, string[]> = {
  'api::customer.customer': ['code', 'name', 'region', 'grade', 'salesperson', 'creditHold'],
  'api::product.product': ['sku', 'name', 'specification', 'listPrice', 'stockOnHand', 'stockReserved'],
  'api::order.order': ['number', 'customer', 'orderDate', 'total', 'currency', 'status'],
  'api::inquiry.inquiry': ['occurredAt', 'customer', 'kind', 'summary', 'handledBy', 'followUpDate'],
};

const LAYOUT_VERSION_KEY = 'content-manager-layout-version';
const LAYOUT_VERSION = 1;

type Configuration = {
  settings: { mainField?: string };
  metadatas: Record<string, { edit: Record<string, unknown> }>;
  layouts: { list: string[] };
};

export const applyContentManagerLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const cm = strapi.plugin('content-manager');
  const serviceFor = (uid: string) => cm.service(uid.includes('::') ? 'content-types' : 'components');
  const store = strapi.store({ type: 'plugin', name: 'cs-console' });
  const firstTime = Number((await store.get({ key: LAYOUT_VERSION_KEY })) ?? 0) < LAYOUT_VERSION;
  const uids = new Set([...Object.keys(SERVER_OWNED), ...(firstTime ? [...Object.keys(MAIN_FIELDS), ...Object.keys(LIST_COLUMNS)] : [])]);

  for (const uid of uids) {
    const service = serviceFor(uid);
    const model = { uid, ...(uid.includes('::') ? {} : { category: uid.split('.')[0] }) };
    const configuration = (await service.findConfiguration(model)) as Configuration;
    for (const field of SERVER_OWNED[uid] ?? []) {
      configuration.metadatas[field].edit = {
        ...configuration.metadatas[field].edit,
        editable: false,
        description: 'Set by the server 由系统生成',
      };
    }
    if (firstTime && MAIN_FIELDS[uid]) configuration.settings.mainField = MAIN_FIELDS[uid];
    if (firstTime && LIST_COLUMNS[uid]) configuration.layouts.list = LIST_COLUMNS[uid];
    await service.updateConfiguration(model, configuration);
  }
  if (firstTime) await store.set({ key: LAYOUT_VERSION_KEY, value: LAYOUT_VERSION });
};
