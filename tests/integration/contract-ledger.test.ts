/**
 * The contract ledger (合同管理台账) through REST and the admin panel: contracts made and moved
 * through review as staff would, then each filter, their combinations, the refusals, and the XLSX
 * and CSV exports read back with independent readers.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import request from 'supertest';
import { createAdminUser } from '../helpers/admin';
import { act, draftContract } from '../helpers/contracts';
import { businessYear, createCustomer, createOrder, createProduct, Doc, expectForbidden, expectValidationError } from '../helpers/fixtures';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember, useStaff } from '../helpers/staff';

const HEADERS = [
  '合同编号 Number',
  '版本 Revision',
  '状态 State',
  '合同日期 Contract date',
  '客户编号 Customer code',
  '客户名称 Customer',
  '业务员 Salesperson',
  '币种 Currency',
  '合同金额 Total',
  '交货日期 Delivery date',
  '付款条件 Payment terms',
  '提交评审 Submitted at',
  '评审结论 Decided at',
  '生效时间 Activated at',
  '销售订单 Orders',
  '起草人 Drafter',
];

/** Asia/Shanghai has had no daylight saving since 1991: its wall clock is UTC + 8 h, to the second. */
const shanghaiWallClock = (iso: string) => new Date(Math.floor((Date.parse(iso) + 8 * 3600_000) / 1000) * 1000);
const shanghaiText = (iso: string) => shanghaiWallClock(iso).toISOString().slice(0, 19).replace('T', ' ');

/** An RFC 4180 reader written for this test, independent of the app's writer. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
};

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('contract ledger', () => {
  const app = useStrapi();
  const { specialist, supervisor, planner, quality, east, north } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    planner: 'planner',
    quality: 'quality',
    east: ['salesperson', { displayName: '张华东' }],
    north: ['salesperson', { displayName: '李华北' }],
  });
  let customerA: Doc;
  let customerB: Doc;
  let orders: Doc[];
  /** c1 active (from two orders), c2 revision 1 superseded by revision 2 (draft), c3 in review, c4 draft. */
  const c: Record<string, Doc> = {};
  const year = businessYear();
  const number = (sequence: number) => `HT-${year}-${String(sequence).padStart(5, '0')}`;

  const ledger = (query = '', member: StaffMember = quality) => rest(app.strapi, member).get(`/api/contracts/ledger${query}`);
  const keys = (res: Response) => {
    expect(res.status).toBe(200);
    return res.body.data.map((row: { number: string; revision: number }) => `${row.number}/${row.revision}`);
  };

  beforeAll(async () => {
    // A high limit keeps the sales clerk's credit review out of these contracts' reviews.
    customerA = await createCustomer(app.strapi, specialist, {
      name: '杭州东方泵业有限公司',
      salesperson: east.id,
      creditLimit: '10000000.00',
    });
    customerB = await createCustomer(app.strapi, specialist, {
      name: 'Northern Valves, "Ltd."',
      salesperson: north.id,
      creditLimit: '10000000.00',
    });
    const product = await createProduct(app.strapi, supervisor);
    const line = (quantity: number, unitPrice: string) => [{ product: product.documentId, quantity, unitPrice }];
    orders = [
      await createOrder(app.strapi, specialist, { customer: customerA.documentId, requiredDate: '2026-04-01', lines: line(2, '100.25') }),
      await createOrder(app.strapi, specialist, { customer: customerA.documentId, lines: line(1, '0.75') }),
    ];

    c.c1 = await draftContract(app.strapi, specialist, {
      orders: [orders[1].documentId, orders[0].documentId],
      contractDate: '2026-01-10',
      paymentTerms: '30% 预付款, 70% 发货前 "电汇"',
    });
    c.c2 = await draftContract(app.strapi, specialist, {
      customer: customerA.documentId,
      contractDate: '2026-02-15',
      deliveryDate: '2026-05-15',
      paymentTerms: '月结 30 天',
      lines: line(1, '1234.56'),
    });
    c.c3 = await draftContract(app.strapi, supervisor, {
      customer: customerB.documentId,
      contractDate: '2026-03-20',
      deliveryDate: '2026-06-30',
      paymentTerms: 'L/C at sight',
      lines: line(3, '33333.33'),
    });
    c.c4 = await draftContract(app.strapi, specialist, {
      customer: customerB.documentId,
      contractDate: '2026-03-31',
      paymentTerms: '=HYPERLINK("http://example.test")',
      lines: line(1, '0.10'),
    });

    const step = async (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) => {
      const res = await act(app.strapi, member, documentId, action, fields);
      if (res.status !== 200) throw new Error(`${action} refused: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    await step(specialist, c.c1.documentId, 'submit');
    await step(supervisor, c.c1.documentId, 'review', { verdict: 'approve' });
    await step(planner, c.c1.documentId, 'review', { verdict: 'approve' });
    await step(specialist, c.c1.documentId, 'reply', { channel: 'phone', content: '合同已评审通过' });
    await step(supervisor, c.c1.documentId, 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: 'b'.repeat(64) });
    await step(specialist, c.c1.documentId, 'activate');

    await step(specialist, c.c2.documentId, 'submit');
    await step(supervisor, c.c2.documentId, 'review', { verdict: 'request_changes', comment: '付款条件需改为预付' });
    await step(planner, c.c2.documentId, 'review', { verdict: 'approve' });
    const revised = await step(specialist, c.c2.documentId, 'revise');
    c.c2r2 = (await rest(app.strapi, specialist).get(`/api/contracts/${revised.body.meta.newRevision}`)).body.data;

    await step(supervisor, c.c3.documentId, 'submit');

    // Re-read c1 for the times the workflow recorded.
    c.c1 = (await rest(app.strapi, specialist).get(`/api/contracts/${c.c1.documentId}`)).body.data;
  });

  it('lists each contract’s current revision by number, leaving superseded revisions out', async () => {
    expect(c.c2r2).toMatchObject({ number: number(2), revision: 2, state: 'draft' });
    const res = await ledger();
    expect(keys(res)).toEqual([`${number(1)}/1`, `${number(2)}/2`, `${number(3)}/1`, `${number(4)}/1`]);
    expect(res.body.meta).toEqual({ pagination: { page: 1, pageSize: 100, pageCount: 1, total: 4 } });
    expect(res.body.data[0]).toEqual({
      number: number(1),
      revision: 1,
      state: 'active',
      contractDate: '2026-01-10',
      customerCode: customerA.code,
      customerName: '杭州东方泵业有限公司',
      salesperson: '张华东',
      currency: 'CNY',
      total: '201.25',
      deliveryDate: '2026-04-01',
      paymentTerms: '30% 预付款, 70% 发货前 "电汇"',
      submittedAt: c.c1.submittedAt,
      decidedAt: c.c1.decidedAt,
      activatedAt: c.c1.activatedAt,
      orders: [orders[0].number, orders[1].number].sort().join(', '),
      drafter: 'cs-specialist tester',
    });
    for (const field of ['submittedAt', 'decidedAt', 'activatedAt'])
      expect(c.c1[field]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(res.body.data.map((row: { total: string }) => row.total)).toEqual(['201.25', '1234.56', '99999.99', '0.10']);
    expect(res.body.data[3]).toMatchObject({
      state: 'draft',
      submittedAt: null,
      decidedAt: null,
      activatedAt: null,
      orders: '',
      deliveryDate: null,
    });
  });

  it('shows superseded revisions when asked for them', async () => {
    expect(keys(await ledger('?revisions=all'))).toEqual([
      `${number(1)}/1`,
      `${number(2)}/1`,
      `${number(2)}/2`,
      `${number(3)}/1`,
      `${number(4)}/1`,
    ]);
    expect(keys(await ledger('?state=superseded'))).toEqual([`${number(2)}/1`]);
    expect(keys(await ledger('?revisions=current'))).toEqual([`${number(1)}/1`, `${number(2)}/2`, `${number(3)}/1`, `${number(4)}/1`]);
  });

  it('filters by customer, state, contract date, salesperson and total, and by several at once', async () => {
    expect(keys(await ledger(`?customer=${customerA.documentId}`))).toEqual([`${number(1)}/1`, `${number(2)}/2`]);
    expect(keys(await ledger(`?customer=${customerB.documentId}`))).toEqual([`${number(3)}/1`, `${number(4)}/1`]);
    expect(keys(await ledger('?state=draft'))).toEqual([`${number(2)}/2`, `${number(4)}/1`]);
    expect(keys(await ledger('?state=active,in_review'))).toEqual([`${number(1)}/1`, `${number(3)}/1`]);
    expect(keys(await ledger('?state=completed'))).toEqual([]);
    // Both bounds are inclusive.
    expect(keys(await ledger('?from=2026-02-15&to=2026-03-20'))).toEqual([`${number(2)}/2`, `${number(3)}/1`]);
    expect(keys(await ledger('?from=2026-03-21'))).toEqual([`${number(4)}/1`]);
    expect(keys(await ledger('?to=2026-01-10'))).toEqual([`${number(1)}/1`]);
    expect(keys(await ledger(`?salesperson=${east.id}`))).toEqual([`${number(1)}/1`, `${number(2)}/2`]);
    expect(keys(await ledger(`?salesperson=${north.id}`))).toEqual([`${number(3)}/1`, `${number(4)}/1`]);
    expect(keys(await ledger(`?salesperson=${quality.id}`))).toEqual([]);
    expect(keys(await ledger('?minTotal=1234.56'))).toEqual([`${number(2)}/2`, `${number(3)}/1`]);
    expect(keys(await ledger('?maxTotal=1234.56'))).toEqual([`${number(1)}/1`, `${number(2)}/2`, `${number(4)}/1`]);
    expect(keys(await ledger('?minTotal=201.25&maxTotal=1234.56'))).toEqual([`${number(1)}/1`, `${number(2)}/2`]);
    expect(keys(await ledger('?minTotal=201.26&maxTotal=1234.55'))).toEqual([]);
    expect(keys(await ledger('?maxTotal=0.1'))).toEqual([`${number(4)}/1`]);

    expect(keys(await ledger(`?customer=${customerB.documentId}&state=draft&maxTotal=1`))).toEqual([`${number(4)}/1`]);
    expect(keys(await ledger(`?salesperson=${east.id}&from=2026-02-01&revisions=all`))).toEqual([`${number(2)}/1`, `${number(2)}/2`]);
    expect(keys(await ledger(`?salesperson=${east.id}&customer=${customerB.documentId}`))).toEqual([]);
    expect(
      keys(
        await ledger(
          `?salesperson=${north.id}&customer=${customerB.documentId}&state=in_review&from=2026-03-20&to=2026-03-20&minTotal=99999.99`
        )
      )
    ).toEqual([`${number(3)}/1`]);
  });

  it('pages JSON with Strapi’s pagination meta', async () => {
    const res = await ledger('?pageSize=3&page=2');
    expect(keys(res)).toEqual([`${number(4)}/1`]);
    expect(res.body.meta).toEqual({ pagination: { page: 2, pageSize: 3, pageCount: 2, total: 4 } });
    expect(keys(await ledger('?pageSize=3&page=3'))).toEqual([]);
  });

  it('refuses bad parameters with a 400 naming each', async () => {
    const cases: [string, string][] = [
      ['?customer=nosuchcustomerdocumentid', 'customer'],
      ['?customer=C-000001', 'customer'],
      ['?customer[$ne]=x', 'customer'],
      ['?state=open', 'state'],
      ['?state=active,closed', 'closed'],
      ['?revisions=latest', 'revisions'],
      ['?from=2026-02-30', 'from'],
      ['?to=2026/03/01', 'to'],
      ['?from=2026-03-02&to=2026-03-01', 'to'],
      ['?salesperson=abc', 'salesperson'],
      ['?salesperson=0', 'salesperson'],
      ['?salesperson=999999', 'salesperson'],
      ['?minTotal=1.234', 'minTotal'],
      ['?maxTotal=abc', 'maxTotal'],
      ['?minTotal=10&maxTotal=9.99', 'maxTotal'],
      ['?page=0', 'page'],
      ['?pageSize=501', 'pageSize'],
      ['?format=pdf', 'format'],
      ['?sort=number', 'sort'],
      ['?state=draft&state=active', 'state'],
    ];
    for (const [query, parameter] of cases) {
      const res = await ledger(query);
      expectValidationError(res, parameter);
      expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toContain(
        parameter === 'closed' ? 'state' : parameter
      );
    }
    // Every problem at once, so a user fixes them in one go.
    const res = await ledger('?from=x&minTotal=y');
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toEqual(['from', 'minTotal']);
  });

  it('exports every matching row as XLSX: bilingual frozen header, money as numbers, dates as dates', async () => {
    // Paging applies to JSON only: an export holds every matching row.
    const res = await ledger('?format=xlsx&revisions=all&pageSize=1').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contract-ledger-\d{4}-\d{2}-\d{2}\.xlsx"$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.rowCount).toBe(6);
    const column = (header: string) => HEADERS.indexOf(header) + 1;
    const cell = (row: number, header: string) => sheet.getRow(row).getCell(column(header));

    expect([2, 3, 4, 5, 6].map((row) => `${cell(row, '合同编号 Number').value}/${cell(row, '版本 Revision').value}`)).toEqual([
      `${number(1)}/1`,
      `${number(2)}/1`,
      `${number(2)}/2`,
      `${number(3)}/1`,
      `${number(4)}/1`,
    ]);
    expect([2, 3, 4, 5, 6].map((row) => cell(row, '合同金额 Total').value)).toEqual([201.25, 1234.56, 1234.56, 99999.99, 0.1]);
    expect([2, 3, 4, 5, 6].map((row) => cell(row, '合同金额 Total').numFmt)).toEqual(Array(5).fill('0.00'));
    expect(cell(2, '合同日期 Contract date').value).toEqual(new Date('2026-01-10T00:00:00Z'));
    expect(cell(2, '合同日期 Contract date').numFmt).toBe('yyyy-mm-dd');
    expect(cell(2, '交货日期 Delivery date').value).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(cell(2, '生效时间 Activated at').value).toEqual(shanghaiWallClock(c.c1.activatedAt));
    expect(cell(2, '提交评审 Submitted at').value).toEqual(shanghaiWallClock(c.c1.submittedAt));
    expect(cell(6, '提交评审 Submitted at').value).toBeNull();
    expect(cell(2, '客户名称 Customer').value).toBe('杭州东方泵业有限公司');
    expect(cell(2, '业务员 Salesperson').value).toBe('张华东');
    expect(cell(2, '付款条件 Payment terms').value).toBe('30% 预付款, 70% 发货前 "电汇"');
    expect(cell(2, '销售订单 Orders').value).toBe([orders[0].number, orders[1].number].sort().join(', '));
    expect(cell(3, '状态 State').value).toBe('superseded');
    // In a workbook text stays text: no formula is made from what a user typed.
    expect(cell(6, '付款条件 Payment terms').value).toBe('=HYPERLINK("http://example.test")');
  });

  it('exports CSV in UTF-8 with a byte-order mark, quoted where needed, Chinese intact', async () => {
    const res = await ledger(`?format=csv&customer=${customerA.documentId}&revisions=all`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contract-ledger-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...records] = parseCsv(body.subarray(3).toString('utf8'));
    expect(header).toEqual(HEADERS);
    expect(records).toEqual([
      [
        number(1),
        '1',
        'active',
        '2026-01-10',
        customerA.code,
        '杭州东方泵业有限公司',
        '张华东',
        'CNY',
        '201.25',
        '2026-04-01',
        '30% 预付款, 70% 发货前 "电汇"',
        shanghaiText(c.c1.submittedAt),
        shanghaiText(c.c1.decidedAt),
        shanghaiText(c.c1.activatedAt),
        [orders[0].number, orders[1].number].sort().join(', '),
        'cs-specialist tester',
      ],
      expect.arrayContaining([number(2), '1', 'superseded', '2026-02-15', '1234.56']),
      expect.arrayContaining([number(2), '2', 'draft', '2026-02-15', '1234.56']),
    ]);

    const customerBExport = await ledger(`?format=csv&customer=${customerB.documentId}`).buffer(true).parse(binary);
    const [, ...bRecords] = parseCsv((customerBExport.body as Buffer).subarray(3).toString('utf8'));
    expect(bRecords.map((record) => record[HEADERS.indexOf('客户名称 Customer')])).toEqual([
      'Northern Valves, "Ltd."',
      'Northern Valves, "Ltd."',
    ]);
    expect(bRecords.map((record) => record[HEADERS.indexOf('合同金额 Total')])).toEqual(['99999.99', '0.10']);
    // A spreadsheet would run a cell starting with = as a formula: the export keeps it inert.
    expect(bRecords[1][HEADERS.indexOf('付款条件 Payment terms')]).toBe(`'=HYPERLINK("http://example.test")`);
  });

  it('is for staff who read contracts: 403 for a user without a staff role, 401 without a login', async () => {
    const outsider = await createStaffUser(app.strapi, 'authenticated');
    expectForbidden(await ledger('', outsider));
    expectForbidden(await ledger('?format=xlsx', outsider));
    const anonymous = await request(app.strapi.server.httpServer).get('/api/contracts/ledger');
    expect({ status: anonymous.status, name: anonymous.body.error?.name }).toEqual({ status: 401, name: 'UnauthorizedError' });
    expect(keys(await ledger('', east))).toHaveLength(4);
  });

  it('is the same ledger in the admin panel, an XLSX download by default', async () => {
    const admin = await createAdminUser(app.strapi, 'cs-supervisor');
    const admin$ = (query: string) =>
      request(app.strapi.server.httpServer).get(`/workflows/contract-ledger${query}`).set('Authorization', `Bearer ${admin.token}`);
    const json = await admin$(`?format=json&state=draft`);
    expect(keys(json)).toEqual([`${number(2)}/2`, `${number(4)}/1`]);
    expect(json.body.meta.pagination.total).toBe(2);

    const xlsx = await admin$('').buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets[0].rowCount).toBe(5);
    expectValidationError(await admin$('?minTotal=abc'), 'minTotal');
  });
});
