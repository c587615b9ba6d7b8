/**
 * The contract review workflow as the department runs it through REST: drafted from an order,
 * submitted, reviewed in parallel, replied, sealed, made active (the order confirmed), completed.
 */
import { useMailCatcher } from '../helpers/mail';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember } from '../helpers/staff';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { act, draftContract, stateOf, workflowOf } from '../helpers/contracts';

describe('contract review', () => {
  useMailCatcher();
  const app = useStrapi();
  let specialist: StaffMember;
  let supervisor: StaffMember;
  let planner: StaffMember;
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    specialist = await createStaffUser(app.strapi, 'cs-specialist');
    supervisor = await createStaffUser(app.strapi, 'cs-supervisor');
    planner = await createStaffUser(app.strapi, 'planner');
    customer = await createCustomer(app.strapi, specialist, {
      creditLimit: '1000000.00',
      contacts: [{ name: '王经理', email: 'wang@customer.test', primary: true }],
    });
    product = await createProduct(app.strapi, supervisor);
  });

  it('goes from an order to an active contract, confirming the order', async () => {
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      requiredDate: '2027-03-01',
      lines: [{ product: product.documentId, quantity: 3, unitPrice: '100.50' }],
    });
    const contract = await draftContract(app.strapi, specialist, { orders: [order.documentId], paymentTerms: '30% deposit, 70% before shipment' });
    expect(contract).toMatchObject({ state: 'draft', revision: 1, version: 1, total: 301.5, deliveryDate: '2027-03-01' });
    expect(contract.number).toMatch(/^HT-\d{4}-00001$/);
    expect(contract.lines).toHaveLength(1);

    let res = await act(app.strapi, specialist, contract.documentId, 'submit');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'in_review', version: 2 });

    res = await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('in_review');
    res = await act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve', proposedDeliveryDate: '2027-03-05' });
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('approved');

    res = await act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'email', content: '贵司合同已评审通过。' });
    expect(res.status).toBe(200);
    res = await act(app.strapi, supervisor, contract.documentId, 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: 'a'.repeat(64) });
    expect(res.status).toBe(200);
    res = await act(app.strapi, specialist, contract.documentId, 'activate');
    expect(res.status).toBe(200);
    expect(await stateOf(app.strapi, contract.documentId)).toBe('active');
    const storedOrder = await rest(app.strapi, specialist).get(`/api/orders/${order.documentId}`);
    expect(storedOrder.body.data.state).toBe('confirmed');

    const workflow = await workflowOf(app.strapi, supervisor, contract.documentId);
    expect(workflow.history.map((event: { action: string }) => event.action)).toEqual(['submit', 'review', 'review', 'reply', 'seal', 'activate']);
    expect(workflow.allowedActions).toEqual(['complete', 'amend']);
  });
});
