/**
 * Every value of every enumeration field in the schemas has a word in English and in Chinese
 * (src/content-manager/option-words.ts), so the content manager never shows staff a raw code; and
 * the table names no field the schemas do not have as an enumeration (a renamed field).
 */
import fs from 'fs';
import path from 'path';
import { OPTION_WORDS, optionWord, wordsFor } from '../../src/content-manager/option-words';

const SRC = path.join(__dirname, '..', '..', 'src');

type Attribute = { type: string; enum?: string[] };
/** uid → field → values, read from the schema files as Strapi reads them. */
const enumerations = (): Record<string, Record<string, string[]>> => {
  const found: Record<string, Record<string, string[]>> = {};
  const add = (uid: string, file: string) => {
    const { attributes } = JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, Attribute> };
    for (const [field, attribute] of Object.entries(attributes)) {
      if (attribute.type === 'enumeration') (found[uid] ??= {})[field] = attribute.enum ?? [];
    }
  };
  for (const api of fs.readdirSync(path.join(SRC, 'api'))) {
    const types = path.join(SRC, 'api', api, 'content-types');
    if (!fs.existsSync(types)) continue;
    for (const type of fs.readdirSync(types)) add(`api::${api}.${type}`, path.join(types, type, 'schema.json'));
  }
  for (const category of fs.readdirSync(path.join(SRC, 'components'))) {
    for (const file of fs.readdirSync(path.join(SRC, 'components', category))) {
      add(`${category}.${path.basename(file, '.json')}`, path.join(SRC, 'components', category, file));
    }
  }
  return found;
};

const schemas = enumerations();
const valuesOf = Object.entries(schemas).flatMap(([uid, fields]) =>
  Object.entries(fields).flatMap(([field, values]) => values.map((value) => [uid, field, value] as const))
);

describe('option words', () => {
  it('reads the enumerations of the schemas (the test would pass on nothing otherwise)', () => {
    expect(schemas['api::payment.payment'].method).toEqual(expect.arrayContaining(['bank_transfer', 'acceptance_bill']));
    expect(schemas['complaint.measure'].kind).toContain('corrective');
    expect(valuesOf.length).toBeGreaterThan(150);
  });

  it.each(valuesOf)('%s %s: "%s" has an English and a Chinese word', (uid, field, value) => {
    const words = OPTION_WORDS[uid]?.[field]?.[value];
    expect(words?.en?.trim()).toBeTruthy();
    expect(words?.zh?.trim()).toBeTruthy();
    // A Chinese word, not the code again (grades and currency codes keep their letters beside Chinese).
    expect(words?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names only enumeration fields the schemas have', () => {
    const named = Object.entries(OPTION_WORDS).flatMap(([uid, fields]) => Object.keys(fields).map((field) => `${uid}.${field}`));
    const existing = Object.entries(schemas).flatMap(([uid, fields]) => Object.keys(fields).map((field) => `${uid}.${field}`));
    expect(named.filter((name) => !existing.includes(name))).toEqual([]);
  });

  it("finds the same words by a field's name and values as by its record type (edit-view inputs and filters know only those)", () => {
    for (const [uid, fields] of Object.entries(schemas)) {
      for (const [field, values] of Object.entries(fields)) {
        const words = wordsFor(field, values);
        for (const value of values)
          expect([uid, field, value, words?.[value]]).toEqual([uid, field, value, OPTION_WORDS[uid][field][value]]);
      }
    }
  });

  it('shows a value it has no word for as it is, and nothing as a dash', () => {
    expect(optionWord('api::payment.payment', 'method', 'acceptance_bill', 'zh')).toBe('承兑汇票');
    expect(optionWord('api::contract.contract', 'state', 'in_review', 'en')).toBe('In review');
    expect(optionWord('api::payment.payment', 'method', 'crypto', 'zh')).toBe('crypto');
    expect(optionWord('api::payment.payment', 'method', null, 'zh')).toBe('—');
  });
});
