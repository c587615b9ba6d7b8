/**
 * Finding a customer during a phone call (issue 19): by part of its name, short name or code, a
 * contact's name or e-mail, or a contact's phone typed with or without separators or only its last
 * digits — in the content manager's list search and its relation pickers, and over REST (`_q`, or a
 * filter on `searchText`).
 * The search text follows every write of the customer and no client writes it.
 */
import request from 'supertest';
import { useStrapi } from '../helpers/strapi';
import { rest, useStaff } from '../helpers/staff';
import { contentManager, createAdminUser, editForm, AdminMember } from '../helpers/admin';
import { createCustomer, unique } from '../helpers/fixtures';
import { CUSTOMER } from '../../src/platform/uids';
import { fillMissingSearchTexts, SEARCH_INDEX } from '../../src/customer-search/search-text';
import { metaOf } from '../../src/platform/table-meta';
import { applyContentManagerLayouts } from '../../src/content-manager/layouts';

type Doc = { documentId: string; [key: string]: unknown };

describe('customer search', () => {
  const app = useStrapi();
  const { specialist } = useStaff(app, { specialist: 'cs-specialist' });
  let admin: AdminMember;
  let liuzhou: Doc;
  let other: Doc;
  // Numbers no other test file's customers have (each file has its own database, but be explicit).
  const phone = '0772-123 4567';
  const mobile = '+86 138 0771 9876';

  beforeAll(async () => {
    admin = await createAdminUser(app.strapi, 'cs-specialist');
    liuzhou = await createCustomer(app.strapi, specialist, {
      code: 'LZ-2024-001',
      name: '柳州正大机械有限公司',
      shortName: '正大机械',
      region: '华南',
      contacts: [
        { name: '覃建国', title: '采购经理', phone, email: 'Qin.JianGuo@Example.com', primary: true },
        { name: 'Li Wei', title: '设备科', phone: mobile },
      ],
    });
    other = await createCustomer(app.strapi, specialist, {
      name: '南宁精密铸造厂',
      contacts: [{ name: '黄丽', phone: '0771-555 0000', email: 'huang@example.com' }],
    });
  });

  /** The documentIds a REST list of customers answers. */
  const restFinds = async (query: string) => {
    const res = await rest(app.strapi, specialist).get(`/api/customers?${query}&pagination[pageSize]=100`);
    expect(res.status).toBe(200);
    return res.body.data.map((c: Doc) => c.documentId) as string[];
  };
  const byQ = (term: string) => restFinds(`_q=${encodeURIComponent(term)}`);
  const byFilter = (term: string) => restFinds(`filters[searchText][$containsi]=${encodeURIComponent(term)}`);
  /** The documentIds the content manager's customer list shows for a search. */
  const listFinds = async (term: string) => {
    const res = await contentManager(app.strapi, admin).find(CUSTOMER, { _q: term, page: '1', pageSize: '100' });
    expect(res.status).toBe(200);
    return res.body.results.map((c: Doc) => c.documentId) as string[];
  };

  it.each([
    ['part of the name', '柳州正大'],
    ['the short name', '正大机械'],
    ['the code', 'LZ-2024-001'],
    ['part of the code, in small letters', 'lz-2024'],
    ["a contact's name", '覃建国'],
    ["another contact's name, any case", 'li wei'],
    ['a phone as stored', phone],
    ['a phone without separators', '07721234567'],
    ['a phone with other separators', '(0772) 123-4567'],
    ['the start of a phone with a dash', '0772-1234'],
    ['the last four digits of a phone', '4567'],
    ['a mobile without its separators', '13807719876'],
    ['an e-mail, any case', 'qin.jianguo@example.com'],
    ['part of an e-mail', 'QIN.JIANGUO'],
  ])('finds the customer by %s (%s), over REST and in the content manager list', async (_what, term) => {
    expect(await byQ(term)).toContain(liuzhou.documentId);
    expect(await byFilter(term)).toContain(liuzhou.documentId);
    expect(await listFinds(term)).toContain(liuzhou.documentId);
  });

  it('searches together with the list filters, and only in what a customer is searched by', async () => {
    expect(await restFinds(`_q=${encodeURIComponent('柳州正大')}&filters[region][$eq]=${encodeURIComponent('华南')}`)).toEqual([
      liuzhou.documentId,
    ]);
    expect(await restFinds(`_q=${encodeURIComponent('柳州正大')}&filters[region][$eq]=${encodeURIComponent('华东')}`)).toEqual([]);
    // The region is a filter of the list, not a search term.
    expect(await byQ('华南')).not.toContain(liuzhou.documentId);
  });

  it('does not find the customer by what is not its own', async () => {
    for (const term of ['南宁精密', '黄丽', '0771-555', '5550000']) {
      expect(await byQ(term)).not.toContain(liuzhou.documentId);
      expect(await byQ(term)).toContain(other.documentId);
    }
    expect(await listFinds('0772-123 4567')).not.toContain(other.documentId);
  });

  /** The documentIds the relation picker of a record's customer offers for a search, as the edit view asks for them. */
  const pickerFinds = async (model: string, term: string) => {
    const res = await request(app.strapi.server.httpServer)
      .get(`/content-manager/relations/${model}/customer`)
      .query({ _q: term, page: '1', pageSize: '100' })
      .set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    return res.body.results.map((c: Doc) => c.documentId) as string[];
  };

  it.each([
    ['part of the name', '柳州正大'],
    ['the code', 'LZ-2024-001'],
    ["a contact's name", '覃建国'],
    ['a phone typed with other separators', '(0772) 123-4567'],
    ['the last four digits of a phone', '4567'],
  ])("offers the customer in an order's, a contract's and a complaint's customer picker by %s (%s)", async (_what, term) => {
    for (const model of ['api::order.order', 'api::contract.contract', 'api::complaint.complaint']) {
      const found = await pickerFinds(model, term);
      expect([model, found]).toEqual([model, expect.arrayContaining([liuzhou.documentId])]);
      expect([model, found]).toEqual([model, expect.not.arrayContaining([other.documentId])]);
    }
  });

  it('names the customer by its name, and the salesperson by their display name, in pickers, edit views and lists', async () => {
    const configuration = async (uid: string) => {
      const res = await request(app.strapi.server.httpServer)
        .get(`/content-manager/content-types/${uid}/configuration`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(res.status).toBe(200);
      return res.body.data.contentType.metadatas as Record<string, { edit: { mainField?: string }; list: { mainField?: string } }>;
    };
    for (const uid of ['api::order.order', 'api::contract.contract', 'api::complaint.complaint', 'api::payment.payment']) {
      const { customer } = await configuration(uid);
      expect([uid, customer.edit.mainField, customer.list.mainField]).toEqual([uid, 'name', 'name']);
    }
    expect((await configuration(CUSTOMER)).salesperson.edit.mainField).toBe('displayName');
    const offered = await request(app.strapi.server.httpServer)
      .get('/content-manager/relations/api::order.order/customer')
      .query({ _q: 'LZ-2024-001' })
      .set('Authorization', `Bearer ${admin.token}`);
    expect(offered.body.results).toEqual([expect.objectContaining({ documentId: liuzhou.documentId, name: '柳州正大机械有限公司' })]);
  });

  it('offers every customer in the picker without a search, and none for a term no customer has', async () => {
    expect(await pickerFinds('api::order.order', '')).toEqual(expect.arrayContaining([liuzhou.documentId, other.documentId]));
    expect(await pickerFinds('api::order.order', '不存在的客户')).toEqual([]);
  });

  it("follows a contact's new phone written through the Document Service: the old number no longer finds it", async () => {
    const customer = await createCustomer(app.strapi, specialist, {
      name: `桂林换号客户 ${unique()}`,
      contacts: [{ name: '周明', phone: '0773-246 8135' }],
    });
    expect(await byQ('0773-246 8135')).toContain(customer.documentId);
    const stored = await app.strapi.documents(CUSTOMER).findOne({ documentId: customer.documentId, populate: ['contacts'] });
    await app.strapi.documents(CUSTOMER).update({
      documentId: customer.documentId,
      data: {
        contacts: stored!.contacts!.map((contact) => ({ name: contact.name!, title: contact.title ?? undefined, phone: '0773-975 3102' })),
      },
    });
    for (const old of ['0773-246 8135', '07732468135', '8135']) expect(await byQ(old)).not.toContain(customer.documentId);
    for (const now of ['0773-975 3102', '07739753102', '3102']) expect(await byQ(now)).toContain(customer.documentId);
    expect(await listFinds('0773 975 3102')).toContain(customer.documentId);
  });

  it("follows a contact's phone changed in the content manager's edit form, and a clone is found by its own code", async () => {
    const customer = await createCustomer(app.strapi, specialist, {
      name: `北海客户 ${unique()}`,
      contacts: [{ name: '陆涛', phone: '0779-111 2222' }],
    });
    const cm = contentManager(app.strapi, admin);
    const read = await cm.findOne(CUSTOMER, customer.documentId);
    expect(read.status).toBe(200);
    const form = editForm(read.body.data);
    const contacts = (form.contacts as Record<string, unknown>[]).map((contact) => ({ ...contact, phone: '0779-333 4444' }));
    const saved = await cm.update(CUSTOMER, customer.documentId, { ...form, contacts });
    expect(saved.status).toBe(200);
    expect(saved.body.data.searchText).toContain('07793334444');
    expect(await listFinds('0779-333 4444')).toContain(customer.documentId);
    expect(await listFinds('0779-111 2222')).not.toContain(customer.documentId);

    const clone = await cm.clone(CUSTOMER, customer.documentId, { name: `北海客户副本 ${unique()}` });
    expect(clone.status).toBeLessThan(300);
    const copy = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: clone.body.data.documentId } });
    expect(copy.searchText).toContain(copy.code.toLowerCase());
    expect(copy.searchText).toContain('北海客户副本');
    expect(copy.searchText).not.toContain(`北海客户 `);
    expect(await listFinds(copy.code)).toEqual([clone.body.data.documentId]);
  });

  it('lets no client write the search text', async () => {
    const created = await rest(app.strapi, specialist).post('/api/customers', {
      data: { name: `钦州客户 ${unique()}`, searchText: 'planted-words' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.searchText).not.toContain('planted-words');
    const { documentId } = created.body.data;
    const put = await rest(app.strapi, specialist).put(`/api/customers/${documentId}`, { data: { searchText: 'planted-words' } });
    expect(put.status).toBe(200);
    const cm = await contentManager(app.strapi, admin).update(CUSTOMER, documentId, { searchText: 'planted-words' });
    expect(cm.status).toBe(200);
    const stored = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId } });
    expect(stored.searchText).toBe(`${stored.code.toLowerCase()}\n${stored.name}`);
    expect(await byQ('planted-words')).toEqual([]);
  });

  it('fills the search text of customers that have none (rows from before it existed) at start', async () => {
    const { table, column } = metaOf(app.strapi, CUSTOMER);
    const before = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: liuzhou.documentId } });
    await app.strapi.db
      .connection(table)
      .where({ id: before.id })
      .update({ [column('searchText')]: null });
    expect(await byQ('覃建国')).not.toContain(liuzhou.documentId);
    expect(await fillMissingSearchTexts(app.strapi)).toBe(1);
    const after = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: liuzhou.documentId } });
    expect(after.searchText).toBe(before.searchText);
    expect(await byQ('覃建国')).toContain(liuzhou.documentId);
  });

  it('has a trigram index on the search text on PostgreSQL (pg_trgm is available here)', async () => {
    if (app.strapi.db.dialect.client !== 'postgres') return;
    const { rows } = await app.strapi.db.connection.raw('SELECT indexdef FROM pg_indexes WHERE indexname = ?', [SEARCH_INDEX]);
    expect(rows).toEqual([{ indexdef: expect.stringMatching(/USING gin \(search_text gin_trgm_ops\)/) }]);
  });

  it('shows the search text read-only in the content manager, labelled also on a database whose labels were set before it existed', async () => {
    const service = app.strapi.plugin('content-manager').service('content-types');
    type Metadata = { edit: { label: string; editable?: boolean }; list: { label: string } };
    const configuration = async () =>
      (await service.findConfiguration({ uid: CUSTOMER })) as { metadatas: Record<string, Metadata> } & Record<string, unknown>;
    const before = await configuration();
    expect(before.metadatas.searchText.edit).toMatchObject({ label: 'Searched by', editable: false });
    // As Strapi adds a new field to a configured view: labelled by its name.
    before.metadatas.searchText.edit.label = 'searchText';
    before.metadatas.searchText.list.label = 'searchText';
    before.metadatas.name.edit.label = 'Company'; // an administrator's own label stays
    await service.updateConfiguration({ uid: CUSTOMER }, before);
    await applyContentManagerLayouts(app.strapi);
    const after = await configuration();
    expect(after.metadatas.searchText.edit.label).toBe('Searched by');
    expect(after.metadatas.searchText.list.label).toBe('Searched by');
    expect(after.metadatas.name.edit.label).toBe('Company');
  });
});
