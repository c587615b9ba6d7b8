/**
 * The read-only edit view trusts GET /workflows/<subject>/:documentId's `editing`: for every record
 * and state tried here, it must say "editable" exactly when the server lets the content manager's
 * save through, and "frozen" exactly when the server refuses it — the same record, the same save the
 * edit view would send (the record as read, one field changed). An order that is only partly
 * editable takes its listed fields and refuses the rest.
 */
import request from 'supertest';
import { useStrapi } from '../helpers/strapi';
import { useStaff } from '../helpers/staff';
import { AdminMember, contentManager, createAdminUser, editForm } from '../helpers/admin';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { act, draftContract } from '../helpers/contracts';
import { actOn, ok } from '../helpers/workflow';
import { COMPLAINT, CONTRACT, ORDER } from '../../src/platform/uids';
import { rest } from '../helpers/staff';

describe('what the edit view offers to edit is what the server accepts', () => {
  const app = useStrapi();
  const { specialist, supervisor, planner } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    planner: 'planner',
  });
  let admin: AdminMember;
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    admin = await createAdminUser(app.strapi, 'cs-supervisor', supervisor.email);
    customer = await createCustomer(app.strapi, specialist, { creditLimit: '1000000.00' });
    product = await createProduct(app.strapi, supervisor);
  });

  const editingOf = async (subject: string, documentId: string) => {
    const res = await request(app.strapi.server.httpServer)
      .get(`/workflows/${subject}/${documentId}`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    return res.body.data.editing as { scope: 'all' | 'some' | 'none'; reason?: string; fields?: string[] };
  };

  /** The edit view's save: the record as the content manager reads it, with `change` made. */
  const save = async (uid: string, documentId: string, change: Record<string, unknown>) => {
    const cm = contentManager(app.strapi, admin);
    const shown = (await cm.findOne(uid, documentId)).body.data;
    return cm.update(uid, documentId, { ...editForm(shown), ...change });
  };

  /** The rule's answer and the server's, side by side. */
  const both = async (subject: string, uid: string, documentId: string, change: Record<string, unknown>) => {
    const editing = await editingOf(subject, documentId);
    const res = await save(uid, documentId, change);
    return { scope: editing.scope, reason: editing.reason, saved: res.status };
  };

  const contract = () =>
    draftContract(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '99.99' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-02-01',
    });

  it('contracts: editable as a draft; frozen in review, approved and cancelled, and the save refused', async () => {
    const inReview = await contract();
    expect(await both('contract', CONTRACT, inReview.documentId, { otherTerms: 'draft edit' })).toEqual({
      scope: 'all',
      reason: undefined,
      saved: 200,
    });
    await ok(act(app.strapi, specialist, inReview.documentId, 'submit'));
    const frozen = { scope: 'none', reason: 'contract-left-draft', saved: 409 };
    expect(await both('contract', CONTRACT, inReview.documentId, { otherTerms: 'in review' })).toEqual(frozen);
    await ok(act(app.strapi, supervisor, inReview.documentId, 'review', { verdict: 'approve' }));
    await ok(act(app.strapi, planner, inReview.documentId, 'review', { verdict: 'approve' }));
    expect(await both('contract', CONTRACT, inReview.documentId, { otherTerms: 'approved' })).toEqual(frozen);

    const cancelled = await contract();
    await ok(act(app.strapi, specialist, cancelled.documentId, 'cancel', { comment: 'customer withdrew' }));
    expect(await both('contract', CONTRACT, cancelled.documentId, { otherTerms: 'cancelled' })).toEqual(frozen);
  });

  it('complaints: correctable while received and confirmed; frozen from analysis on', async () => {
    const res = await rest(app.strapi, specialist).post('/api/complaints', {
      data: {
        customer: customer.documentId,
        product: product.documentId,
        channel: 'phone',
        description: '泵体有砂眼，渗漏',
        category: 'quality',
        severity: 'minor',
      },
    });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    const editable = { scope: 'all', reason: undefined, saved: 200 };
    expect(await both('complaint', COMPLAINT, id, { description: 'received: 砂眼' })).toEqual(editable);
    await ok(actOn(app.strapi, specialist, COMPLAINT, id, 'confirm', { comment: 'confirmed by phone' }));
    expect(await both('complaint', COMPLAINT, id, { description: 'confirmed: 砂眼' })).toEqual(editable);
    await ok(actOn(app.strapi, specialist, COMPLAINT, id, 'analyse'));
    expect(await both('complaint', COMPLAINT, id, { description: 'analysing' })).toEqual({
      scope: 'none',
      reason: 'complaint-judged',
      saved: 409,
    });
  });

  it('orders: a draft is editable; held by a contract in review only its notes and wish date, the terms refused; cancelled, nothing', async () => {
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 2, unitPrice: '10.00' }],
    });
    const id = order.documentId;
    expect(await both('order', ORDER, id, { notes: 'draft' })).toEqual({ scope: 'all', reason: undefined, saved: 200 });

    const holding = await draftContract(app.strapi, specialist, { orders: [id], paymentTerms: 'T/T 30 days', deliveryDate: '2027-02-01' });
    await ok(act(app.strapi, specialist, holding.documentId, 'submit'));
    expect(await editingOf('order', id)).toEqual({ scope: 'some', reason: 'order-held-by-contract', fields: ['notes', 'requiredDate'] });
    expect((await save(ORDER, id, { notes: 'asked for a quick delivery', requiredDate: '2027-03-01' })).status).toBe(200);
    expect((await save(ORDER, id, { orderDate: '2026-01-05' })).status).toBe(409);

    const cancelled = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
    });
    await ok(actOn(app.strapi, supervisor, ORDER, cancelled.documentId, 'cancel', { comment: 'duplicate' }));
    expect(await both('order', ORDER, cancelled.documentId, { notes: 'cancelled' })).toEqual({
      scope: 'none',
      reason: 'order-ended',
      saved: 409,
    });
  });

  it('REST answers the same editing with the workflow', async () => {
    const draft = await contract();
    const res = await rest(app.strapi, specialist).get(`/api/contracts/${draft.documentId}/workflow`);
    expect(res.body.data.editing).toEqual({ scope: 'all' });
  });
});
