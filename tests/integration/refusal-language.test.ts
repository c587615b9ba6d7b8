/**
 * Every kind of refusal in the reader's language, not only the workflows': a task, a credit
 * override, a product's stock, a packaging item's artwork, a sales target twice, a statement's
 * period, a query parameter, a notification retry and a documentId that names nothing are each
 * refused in Chinese for `Accept-Language: zh-CN` and in the words the API has always used in
 * English, with one stable `details.code` in both. The refused write changes nothing.
 */
import { useStrapi } from '../helpers/strapi';
import { createStaff, rest, StaffMember } from '../helpers/staff';
import { countRows, createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { EN, englishWords, expectSameRefusal, ZH } from '../helpers/reader-language';
import { addDays, dateIn } from '../../src/domain/business-date';
import { CREDIT_OVERRIDE, NOTIFICATION, PACKAGING_ITEM, SALES_TARGET, STATEMENT, TASK } from '../../src/platform/uids';

const today = () => dateIn('Asia/Shanghai');

type Send = (headers: Record<string, string>) => PromiseLike<{ status: number; body: any }>;

/**
 * Sends the request in English and in Chinese; both are the same refusal under `code`, and the
 * Chinese text has no English words but `literal` ones (field and parameter names a client sends).
 */
const inBothLanguages = async (send: Send, code: string, literal: string[] = []) => {
  const en = await send(EN);
  const zh = await send(ZH);
  expectSameRefusal(en, zh, code);
  expect(englishWords(zh.body.error.message, ['documentId', ...literal])).toEqual([]);
  return { en: en.body.error, zh: zh.body.error };
};

describe('refusals in the reader’s language, beyond the workflows', () => {
  const app = useStrapi();
  let staff: Record<'supervisor' | 'specialist' | 'coordinator' | 'planner' | 'clerk' | 'manager' | 'vp', StaffMember>;
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, {
      supervisor: 'cs-supervisor',
      specialist: 'cs-specialist',
      coordinator: 'order-coordinator',
      planner: 'planner',
      clerk: 'sales-clerk',
      manager: 'sales-manager',
      vp: 'marketing-vp',
    });
    customer = await createCustomer(app.strapi, staff.specialist);
    product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
  });

  it('task: a due day already past, and a task assigned to oneself', async () => {
    const past = addDays(today(), -2);
    const assign = (data: Record<string, unknown>) => (headers: Record<string, string>) =>
      rest(app.strapi, staff.supervisor)
        .post('/api/tasks', { data: { title: '回访客户', assignee: staff.specialist.id, ...data } })
        .set(headers);
    const late = await inBothLanguages(assign({ dueDate: past }), 'task.due_past');
    expect(late.en.message).toBe(`dueDate: the due day ${past} is already past (today is ${today()})`);
    expect(late.zh.message).toBe(`到期日：截止日期 ${past} 已过（今天是 ${today()}）`);

    const self = await inBothLanguages(assign({ assignee: staff.supervisor.id, dueDate: addDays(today(), 3) }), 'task.not_to_self');
    expect(self.en.message).toBe('assignee: a task is assigned to someone else');
    expect(self.zh.details.errors).toEqual([
      { path: ['assignee'], message: '工作须安排给他人', name: 'ValidationError', code: 'task.not_to_self' },
    ]);
    expect(await countRows(app.strapi, TASK)).toBe(0);
  });

  it('credit override: an order override naming a document, and a contract override without the contract', async () => {
    const grant = (data: Record<string, unknown>) => (headers: Record<string, string>) =>
      rest(app.strapi, staff.vp)
        .post('/api/credit-overrides', { data: { customer: customer.documentId, subject: 'order', ...data } })
        .set(headers);
    const named = await inBothLanguages(grant({ reason: '老客户，年底回款', subjectId: 'abc' }), 'credit_override.order_no_subject', [
      'subjectId',
    ]);
    expect(named.en.message).toBe('subjectId: an order override is for the next new order of the customer: leave subjectId empty');
    expect(named.zh.message).toBe('单据：订单放行适用于该客户的下一张新订单：请将 subjectId 留空');

    const noContract = await inBothLanguages(
      grant({ subject: 'contract', reason: '老客户，年底回款' }),
      'credit_override.subject_required'
    );
    expect(noContract.en.message).toBe('subjectId: the documentId of the contract is required');
    expect(noContract.zh.details.errors[0].message).toBe('须填写销售合同的 documentId');
    expect(await countRows(app.strapi, CREDIT_OVERRIDE)).toBe(0);
  });

  it('product stock: a counter typed by hand, and an adjustment of no pieces', async () => {
    const typed = await inBothLanguages(
      (headers) =>
        rest(app.strapi, staff.planner)
          .put(`/api/products/${product.documentId}`, { data: { stockReserved: 3 } })
          .set(headers),
      'stock.counter_by_server'
    );
    expect(typed.en.message).toBe(
      'stockReserved: stockReserved is kept by the server from shipments and allocations; record a stock adjustment instead'
    );
    expect(typed.zh.message).toBe('已预留：已预留由系统根据出货和配货维护；请改为登记库存调整');

    const zero = await inBothLanguages(
      (headers) =>
        rest(app.strapi, staff.planner)
          .post(`/api/products/${product.documentId}/stock-adjustments`, { data: { quantity: 0, reason: '盘点' } })
          .set(headers),
      'stock.adjustment_quantity'
    );
    expect(zero.en.message).toBe('quantity: must be a whole number of pieces, not 0 (negative to take stock away)');
    expect(zero.zh.message).toBe('数量：须为非零的整数件数（负数表示减少库存）');
    const stored = await app.strapi.db.query('api::product.product').findOne({ where: { documentId: product.documentId } });
    expect([stored.stockOnHand, stored.stockReserved]).toEqual([10, 0]);
  });

  it('packaging artwork: confirmed without saying who confirmed it', async () => {
    const order = await createOrder(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
    });
    const refused = await inBothLanguages(
      (headers) =>
        rest(app.strapi, staff.coordinator)
          .post('/api/packaging-items', {
            data: { order: order.documentId, kind: 'label', description: '唛头', artworkConfirmedAt: today() },
          })
          .set(headers),
      'packaging.confirmed_by_required'
    );
    expect(refused.en.message).toBe('artworkConfirmedBy: name who at the customer confirmed the artwork');
    expect(refused.zh.message).toBe('稿样确认人：请填写客户方确认稿样的人');
    expect(await countRows(app.strapi, PACKAGING_ITEM)).toBe(0);
  });

  it('sales target: a second target for the same region and quarter', async () => {
    const target = (headers: Record<string, string>) =>
      rest(app.strapi, staff.manager)
        .post('/api/sales-targets', { data: { region: '华南', year: 2027, quarter: 2, amount: '500000.00' } })
        .set(headers);
    expect((await target(EN)).status).toBe(201);
    const twice = await inBothLanguages(target, 'sales_target.duplicate');
    expect(twice.en.message).toBe('year: there is already a target for region:华南:2027-Q2');
    expect(twice.zh.message).toBe('年度：区域“华南” 2027年第2季度 已有目标');
    expect(await countRows(app.strapi, SALES_TARGET)).toBe(1);
  });

  it('statement: a period that ends before it starts', async () => {
    const refused = await inBothLanguages(
      (headers) =>
        rest(app.strapi, staff.clerk)
          .post('/api/statements', {
            data: { customer: customer.documentId, periodFrom: addDays(today(), -5), periodTo: addDays(today(), -9) },
          })
          .set(headers),
      'statement.period_order'
    );
    expect(refused.en.message).toBe('periodFrom: must not be after periodTo');
    expect(refused.zh.details.errors[0].message).toBe('不能晚于截止日期');
    expect(await countRows(app.strapi, STATEMENT)).toBe(0);
  });

  it('query parameter: one the report does not take', async () => {
    const refused = await inBothLanguages(
      (headers) => rest(app.strapi, staff.clerk).get('/api/receivables/aging?groupby=customer').set(headers),
      'query.unknown_parameter',
      ['groupby', 'asOf', 'groupBy', 'top', 'currency', 'customer', 'salesperson', 'region', 'format']
    );
    expect(refused.en.message).toMatch(/^groupby: unknown parameter; this endpoint takes .*asOf, groupBy/);
    expect(refused.zh.message).toMatch(/^groupby：未知参数；此接口接受：.*asOf, groupBy/);
  });

  it('notification retry: only a failed notification, in the outbox’s own words', async () => {
    const assigned = await rest(app.strapi, staff.supervisor)
      .post('/api/tasks', { data: { title: '准备对账单', assignee: staff.specialist.id, dueDate: addDays(today(), 3) } })
      .set(EN);
    expect(assigned.status).toBe(201);
    const pending = await app.strapi.db.query(NOTIFICATION).findOne({ where: { state: 'pending' }, orderBy: { id: 'desc' } });
    const refused = await inBothLanguages(
      (headers) => rest(app.strapi, staff.supervisor).post(`/api/notifications/${pending.documentId}/retry`, {}).set(headers),
      'notification.retry_state'
    );
    expect(refused.en.message).toBe('state: only a failed notification can be retried; this one is pending');
    expect(refused.zh.message).toBe('状态：只有发送失败的通知可以重试；该通知为“待发送”');
  });

  it('not found: a documentId that names no record', async () => {
    const missing = await inBothLanguages(
      (headers) => rest(app.strapi, staff.specialist).get('/api/customers/nosuchcustomer0000000000/file').set(headers),
      'record.not_found'
    );
    expect(missing.en).toMatchObject({ status: 404, name: 'NotFoundError', message: 'No customer with this documentId' });
    expect(missing.zh.message).toBe('没有此 documentId 的客户档案');
  });
});
