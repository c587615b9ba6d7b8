import { newDocumentId, newLineKey } from '../../src/domain/document-id';

describe('bulk writer documentIds', () => {
  it("look like Strapi's own: 24 characters, starting with a letter (a leading digit reads as a row id)", () => {
    const ids = Array.from({ length: 2000 }, newDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('order line keys', () => {
  it('are 12 characters, distinct, for hand-made and demo lines alike', () => {
    const keys = Array.from({ length: 2000 }, newLineKey);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]{11}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
