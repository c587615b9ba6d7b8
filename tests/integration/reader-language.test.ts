/**
 * Refusals and credit reasons in the reader's language: the same refusal read in English and in
 * Chinese (Accept-Language for REST; the admin user's own language first in the admin panel) has
 * the same status, name and code, and the Chinese text has no English words besides codes,
 * numbers and names. A credit hold's reason is stored with its code and parameters, so the credit
 * record and the refusal it causes can be read in either language.
 */
import { contentManager, createAdminUser } from '../helpers/admin';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaff, rest, StaffMember } from '../helpers/staff';
import { createCustomer, createProduct, Doc } from '../helpers/fixtures';
import { act, draftContract } from '../helpers/contracts';
import { ok } from '../helpers/workflow';
import { planShipment, readyOrder, receivableOf, ship, SHIPPING_ROLES } from '../helpers/shipping';
import { addDays } from '../../src/domain/business-date';
import { messageText } from '../../src/domain/message-text';
import { CONTRACT } from '../../src/platform/uids';
import { EN, englishWords, expectSameRefusal, ZH } from '../helpers/reader-language';

const { runCollectionJob } = appModule('src', 'jobs', 'collection-dunning.js');

describe('messages in the reader’s language', () => {
  const app = useStrapi();
  let staff: Record<keyof typeof SHIPPING_ROLES | 'clerk', StaffMember>;
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, { ...SHIPPING_ROLES, clerk: 'sales-clerk' });
    customer = await createCustomer(app.strapi, staff.specialist, { creditLimit: '1000000.00' });
    product = await createProduct(app.strapi, staff.supervisor);
  });

  const submittedContract = async () => {
    const contract = await draftContract(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '99.99' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-02-01',
    });
    expect((await act(app.strapi, staff.specialist, contract.documentId, 'submit')).status).toBe(200);
    return contract;
  };

  it('REST: a contract edited in review is refused in Chinese for zh-CN, in English otherwise, with one code', async () => {
    const contract = await submittedContract();
    const put = (headers: Record<string, string>) =>
      rest(app.strapi, staff.specialist)
        .put(`/api/contracts/${contract.documentId}`, { data: { paymentTerms: 'cash' } })
        .set(headers);
    const en = await put(EN);
    const zh = await put(ZH);
    expect(en.status).toBe(409);
    expectSameRefusal(en, zh, 'record.frozen');
    expect(en.body.error.message).toBe(`${contract.number} revision 1 is in_review: it can no longer be edited; use its workflow actions`);
    expect(zh.body.error.message).toBe(`${contract.number} 第1版处于“评审中”状态，已不能编辑；请使用其流程操作`);
    expect(englishWords(zh.body.error.message)).toEqual([]);
    // no Accept-Language at all: English, as the API has always answered
    expect((await rest(app.strapi, staff.specialist).put(`/api/contracts/${contract.documentId}`, { data: {} })).body.error.message).toBe(
      en.body.error.message
    );
  });

  it('REST: a workflow action refused for the role and the state names roles, actions and states in Chinese', async () => {
    const contract = await submittedContract();
    const submitAgain = (headers: Record<string, string>) =>
      rest(app.strapi, staff.specialist)
        .post(`/api/contracts/${contract.documentId}/workflow/submit`, { data: { version: 2 } })
        .set(headers);
    const en = await submitAgain(EN);
    const zh = await submitAgain(ZH);
    expect(en.status).toBe(409);
    expectSameRefusal(en, zh, 'workflow.wrong_state');
    expect(zh.body.error.message).toMatch(/^销售合同处于“评审中”状态，不能执行“提交评审”；当前可执行：/);
    expect(englishWords(zh.body.error.message)).toEqual([]);

    const byPlanner = (headers: Record<string, string>) =>
      rest(app.strapi, staff.planner)
        .post(`/api/contracts/${contract.documentId}/workflow/cancel`, { data: { version: 2 } })
        .set(headers);
    const enRole = await byPlanner(EN);
    const zhRole = await byPlanner(ZH);
    expect(enRole.status).toBe(403);
    expectSameRefusal(enRole, zhRole, 'workflow.role_forbidden');
    expect(zhRole.body.error.message).toBe('只有客户服务专员、客服主管可以对销售合同执行“取消草稿”');
  });

  it('REST: a missing required field has the code field.required on the error and on its entry, in either language', async () => {
    const post = (headers: Record<string, string>) =>
      rest(app.strapi, staff.specialist)
        .post('/api/orders', { data: { requiredDate: '2027-03-01' } })
        .set(headers);
    const en = await post(EN);
    const zh = await post(ZH);
    expect(en.status).toBe(400);
    expectSameRefusal(en, zh, 'field.required');
    expect(en.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'customer: customer is required',
      details: { errors: [{ path: ['customer'], message: 'customer is required', code: 'field.required' }] },
    });
    expect(zh.body.error).toMatchObject({
      message: '客户：客户为必填项',
      details: { errors: [{ path: ['customer'], message: '客户为必填项', code: 'field.required' }] },
    });
  });

  it('admin panel: the admin user’s own language first, else Accept-Language', async () => {
    const contract = await submittedContract();
    const admin = await createAdminUser(app.strapi, 'cs-specialist');
    const setLanguage = (preferedLanguage: string | null) =>
      app.strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { preferedLanguage } });
    const save = (headers: Record<string, string> = {}) =>
      contentManager(app.strapi, admin).update(CONTRACT, contract.documentId, { paymentTerms: 'cash' }).set(headers);

    await setLanguage('zh-Hans');
    const zh = await save(EN);
    expect(zh.status).toBe(409);
    expect(zh.body.error).toMatchObject({ details: { code: 'record.frozen' } });
    expect(zh.body.error.message).toContain('处于“评审中”状态，已不能编辑');

    await setLanguage('en');
    expect((await save(ZH)).body.error.message).toContain('revision 1 is in_review: it can no longer be edited');

    await setLanguage(null);
    expect((await save(ZH)).body.error.message).toContain('处于“评审中”状态');
    expect((await save(EN)).body.error.message).toContain('is in_review');
  });

  it('keeps an automatic hold’s reason as code and parameters: the credit record and the refusal read in either language', async () => {
    const late = await createCustomer(app.strapi, staff.specialist, { paymentTermsDays: 30 });
    const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 5 });
    const { order, keys } = await readyOrder(app.strapi, staff, late, [{ product: stocked, quantity: 5, unitPrice: '1000.00' }]);
    const shipment = await planShipment(app.strapi, staff.coordinator, order, [{ line: keys[0], quantity: 5 }]);
    await ok(ship(app.strapi, staff.coordinator, shipment));
    const due = (await receivableOf(app.strapi, shipment)).dueDate;
    await runCollectionJob(app.strapi, new Date(`${addDays(due, 61)}T04:00:00Z`));

    const record = (await ok(rest(app.strapi, staff.clerk).get(`/api/customers/${late.documentId}/credit-record`))).data;
    const [hold] = record.events;
    expect(hold).toMatchObject({
      kind: 'hold',
      reason: `automatic credit hold: ${order.number} receivable 61 days overdue (more than 60)`,
      reasonMessage: {
        code: 'credit.automatic_hold',
        params: { reasons: [{ code: 'credit.overdue', params: { document: order.number, days: 61, overdueDays: 60 } }] },
      },
    });
    expect(messageText(hold.reasonMessage, 'zh-Hans')).toBe(`自动信用冻结：${order.number} 的应收款已逾期 61 天（超过 60 天）`);
    expect(record.customer.creditHoldReasonMessage).toEqual(hold.reasonMessage);

    const newOrder = (headers: Record<string, string>) =>
      rest(app.strapi, staff.specialist)
        .post('/api/orders', {
          data: { customer: late.documentId, lines: [{ product: stocked.documentId, quantity: 1, unitPrice: '1.00' }] },
        })
        .set(headers);
    const en = await newOrder(EN);
    const zh = await newOrder(ZH);
    expect(en.status).toBe(409);
    expectSameRefusal(en, zh, 'credit.on_hold');
    expect(en.body.error.message).toContain(`is on credit hold (automatic credit hold: ${order.number} receivable 61 days overdue`);
    expect(zh.body.error.message).toBe(
      `${late.code} ${late.name} 处于信用冻结（自动信用冻结：${order.number} 的应收款已逾期 61 天（超过 60 天））：新建订单被拒绝，除非营销副总为其批准信用放行`
    );
    expect(englishWords(zh.body.error.message, englishWords(String(late.name)))).toEqual([]);
  });
});
