/**
 * The admin panel's own zh-Hans texts (src/admin/translations): each fills a gap in Strapi's
 * zh-Hans files (a key Strapi has in English only), keeps the English message's arguments and is
 * a valid ICU message; the frame staff see (admin and content manager) has no gap left; and our
 * record type and field names exist in the schemas and have a Chinese name.
 */
import fs from 'fs';
import path from 'path';
import { IntlMessageFormat } from 'intl-messageformat';
import { defaultMessages } from '../../src/admin/translations/strapi/default-messages';
import { strapiZhHans } from '../../src/admin/translations/strapi-zh-Hans';
import { zhHansLabelMessages } from '../../src/admin/translations/content-manager-labels';
import { FIELD_LABELS, TYPE_NAMES } from '../../src/content-manager/labels';

const STRAPI = path.join(__dirname, '..', '..', 'node_modules', '@strapi');
/** Message prefix (the plugin id) → the package's translation folder. */
const PACKAGES: Record<string, string> = {
  '': 'admin/dist/admin/admin/src/translations',
  'content-manager.': 'content-manager/dist/admin/translations',
  'email.': 'email/dist/admin/translations',
  'i18n.': 'i18n/dist/admin/translations',
  'users-permissions.': 'plugin-users-permissions/dist/admin/translations',
  'upload.': 'upload/dist/admin/translations',
};
/** Used in Strapi's code with an English default only, in no translation file. */
const DEFAULT_MESSAGE_ONLY = Object.keys(defaultMessages);

const load = (folder: string, locale: string, prefix: string): Record<string, string> => {
  const file = path.join(STRAPI, folder, `${locale}.json.js`);
  if (!fs.existsSync(file)) return {};
  const { default: messages, ...named } = require(file);
  return Object.fromEntries(Object.entries<string>(messages ?? named).map(([key, text]) => [`${prefix}${key}`, text]));
};
const english: Record<string, string> = {};
const strapiChinese: Record<string, string> = {};
for (const [prefix, folder] of Object.entries(PACKAGES)) {
  Object.assign(english, load(folder, 'en', prefix));
  Object.assign(strapiChinese, load(folder, 'zh-Hans', prefix));
}
type Node = { type: number; value?: unknown; options?: Record<string, { value: Node[] }>; children?: Node[] };
/** ICU node types (@formatjs/icu-messageformat-parser): shown values, and plural/select choices. */
const SHOWN = [1, 2, 3, 4];
const CHOICE = [5, 6];
/** The arguments of a message (tags read as text: a few English placeholders hold a bare `<`): `shown` where their value appears, `all` with those only choosing a form. */
const argumentsOf = (message: string) => {
  const shown = new Set<string>();
  const all = new Set<string>();
  const walk = (nodes: Node[]): void =>
    nodes.forEach((node) => {
      if (SHOWN.includes(node.type)) shown.add(String(node.value));
      if (SHOWN.includes(node.type) || CHOICE.includes(node.type)) all.add(String(node.value));
      Object.values(node.options ?? {}).forEach((option) => walk(option.value));
      walk(node.children ?? []);
    });
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as Node[]);
  return { shown, all };
};

describe("the admin panel's zh-Hans texts for Strapi's frame", () => {
  it('fill only gaps: each key is one of Strapi’s English keys without a zh-Hans text', () => {
    const keys = Object.keys(strapiZhHans).filter((key) => !DEFAULT_MESSAGE_ONLY.includes(key));
    expect(keys.filter((key) => !(key in english))).toEqual([]);
    expect(keys.filter((key) => strapiChinese[key])).toEqual([]);
  });

  it('show every value the English shows, take no other arguments, and are valid messages', () => {
    const different = Object.entries(strapiZhHans)
      .filter(([key]) => key in english)
      .filter(
        ([key, text]) =>
          [...argumentsOf(text).all].some((name) => !argumentsOf(english[key]).all.has(name)) ||
          [...argumentsOf(english[key]).shown].some((name) => !argumentsOf(text).shown.has(name))
      );
    expect(different).toEqual([]);
    for (const text of Object.values(strapiZhHans)) expect(() => new IntlMessageFormat(text, 'zh-Hans')).not.toThrow();
  });

  it('leave no English in the frame staff see: the admin and the content manager', () => {
    const frame = Object.keys(english).filter((key) => !/^(email|i18n|users-permissions|upload)\./.test(key));
    const missing = frame.filter((key) => !strapiChinese[key] && !strapiZhHans[key]);
    expect(missing).toEqual([]);
  });
});

describe('record type and field names in Chinese', () => {
  const schemaOf = (uid: string) => {
    const file = uid.includes('::')
      ? path.join(__dirname, '..', '..', 'src', 'api', uid.split('::')[1].split('.')[0], 'content-types', uid.split('.')[1], 'schema.json')
      : path.join(__dirname, '..', '..', 'src', 'components', uid.split('.')[0], `${uid.split('.')[1]}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
  };

  it('name fields that exist, in English and in Chinese', () => {
    for (const [uid, fields] of Object.entries(FIELD_LABELS)) {
      const schema = schemaOf(uid);
      if (!schema) continue; // the users & permissions plugin's user
      for (const [field, label] of Object.entries(fields)) {
        expect(`${uid}.${field}: ${field in schema.attributes}`).toBe(`${uid}.${field}: true`);
        expect(label.en).toMatch(/^[\x20-\x7e]+$/);
        if (field !== 'messageId') expect(label.zh).toMatch(/[\u3400-\u9fff]/);
      }
    }
  });

  it("name each record type as its schema does, and register the Chinese under the content manager's ids", () => {
    for (const [uid, name] of Object.entries(TYPE_NAMES)) {
      const schema = schemaOf(uid);
      if (schema) expect(name.en).toBe(schema.info.displayName);
      if (uid.includes('::') && schema) expect(zhHansLabelMessages[name.en]).toBe(name.zh);
    }
    expect(zhHansLabelMessages['content-manager.content-types.api::contract.contract.number']).toBe(
      FIELD_LABELS['api::contract.contract'].number.zh
    );
    expect(zhHansLabelMessages['content-manager.components.order.line.quantity']).toBe(FIELD_LABELS['order.line'].quantity.zh);
  });
});
