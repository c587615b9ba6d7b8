/**
 * No way around the contract review: every refusal of the workflow API (403 role, 409 state or
 * stale version, 400 missing field, 404 unknown action) changes nothing; a submitted revision, its
 * opinions and its history cannot be changed by REST PUT/DELETE, by the admin content manager, by a
 * Document Service call or by a Query Engine call; concurrent opinions are all recorded and lead to
 * exactly one transition; concurrent submits lead to one. The admin panel's workflow routes act
 * as the linked staff member.
 */
import request from 'supertest';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, useStaff } from '../helpers/staff';
import { createAdminUser, contentManager } from '../helpers/admin';
import { countRows, createCustomer, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { act, draftContract, stateOf, workflowOf } from '../helpers/contracts';
import { CONTRACT, NOTIFICATION, OPINION, WORKFLOW_EVENT as EVENT } from '../../src/platform/uids';

describe('contract review cannot be gone around', () => {
  const app = useStrapi();
  const { specialist, supervisor, planner } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    planner: 'planner',
  });
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    customer = await createCustomer(app.strapi, specialist, { creditLimit: '1000000.00' });
    product = await createProduct(app.strapi, supervisor);
  });

  const draft = (fields: Record<string, unknown> = {}) =>
    draftContract(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '99.99' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-02-01',
      ...fields,
    });
  const submitted = async () => {
    const contract = await draft();
    expect((await act(app.strapi, specialist, contract.documentId, 'submit')).status).toBe(200);
    return contract;
  };

  /** Everything a refused request must leave as it was. */
  const snapshot = async (documentId: string) => ({
    contract: await app.strapi.db.query(CONTRACT).findOne({ where: { documentId }, populate: { lines: true } }),
    events: await countRows(app.strapi, EVENT),
    opinions: await countRows(app.strapi, OPINION),
    notifications: await countRows(app.strapi, NOTIFICATION),
  });

  describe('the workflow API refuses, and nothing changes', () => {
    it('403 for a role that may not take the action, with the roles that may', async () => {
      const contract = await draft();
      const before = await snapshot(contract.documentId);
      const res = await act(app.strapi, planner, contract.documentId, 'submit');
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ name: 'ForbiddenError', details: { roles: ['cs-specialist', 'cs-supervisor'] } });
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('409 for an action the state does not allow, listing the actions allowed now', async () => {
      const contract = await draft();
      const before = await snapshot(contract.documentId);
      const res = await act(app.strapi, specialist, contract.documentId, 'activate');
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ name: 'ConflictError', details: { state: 'draft', allowedActions: ['submit', 'cancel'] } });
      expect(res.body.error.message).toContain('allowed now: submit, cancel');
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('409 for a stale version, 400 for a missing one', async () => {
      const contract = await draft();
      const before = await snapshot(contract.documentId);
      const stale = await act(app.strapi, specialist, contract.documentId, 'submit', { version: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details).toEqual({ code: 'version.stale', currentVersion: 1 });
      const missing = await rest(app.strapi, specialist).post(`/api/contracts/${contract.documentId}/workflow/submit`, { data: {} });
      expectValidationError(missing, 'version');
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('400 naming each field the submit needs, checked on the stored draft', async () => {
      const contract = await draft({ paymentTerms: '  ', deliveryDate: null, lines: [] });
      const before = await snapshot(contract.documentId);
      const res = await act(app.strapi, specialist, contract.documentId, 'submit');
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual(['lines', 'deliveryDate', 'paymentTerms']);
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('400 for a review without a verdict, a bad verdict, or a request for changes without a comment', async () => {
      const contract = await submitted();
      const before = await snapshot(contract.documentId);
      expectValidationError(await act(app.strapi, supervisor, contract.documentId, 'review'), 'verdict');
      expectValidationError(await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'maybe' }), 'verdict');
      expectValidationError(await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'request_changes' }), 'comment');
      expectValidationError(
        await act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve', proposedDeliveryDate: '2027-02-30' }),
        'proposedDeliveryDate'
      );
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('one opinion per role and round: a second one is a 409', async () => {
      const contract = await submitted();
      expect((await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve' })).status).toBe(200);
      const before = await snapshot(contract.documentId);
      const again = await act(app.strapi, supervisor, contract.documentId, 'review', {
        verdict: 'request_changes',
        comment: 'changed my mind',
      });
      expect(again.status).toBe(409);
      const colleague = await createStaffUser(app.strapi, 'cs-supervisor');
      const second = await act(app.strapi, colleague, contract.documentId, 'review', { verdict: 'approve' });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toContain('the cs-supervisor opinion has already been given');
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('400 for seal details that are not a seal type, a copy count and a SHA-256', async () => {
      const res = await act(app.strapi, supervisor, (await draft()).documentId, 'seal', {
        sealType: 'x',
        copies: 0,
        documentSha256: 'abc',
      });
      expect(res.status).toBe(409); // a draft is not sealed, whatever the details
      const contract = await submitted();
      await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve' });
      await act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve' });
      await act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'letter', content: 'approved' });
      const before = await snapshot(contract.documentId);
      const bad = await act(app.strapi, supervisor, contract.documentId, 'seal', { sealType: 'x', copies: 0, documentSha256: 'abc' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual(['sealType', 'copies', 'documentSha256']);
      expect(await snapshot(contract.documentId)).toEqual(before);
      expect(await countRows(app.strapi, 'api::seal-use.seal-use')).toBe(0);
    });

    it('400 for a reply by e-mail when the customer has no e-mail contact', async () => {
      const contract = await submitted();
      await act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve' });
      await act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve' });
      const before = await snapshot(contract.documentId);
      expectValidationError(
        await act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'email', content: 'ok' }),
        'channel'
      );
      expectValidationError(
        await act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'pigeon', content: 'ok' }),
        'channel'
      );
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('404 for an unknown action or contract, 401 without login', async () => {
      const contract = await draft();
      expect((await act(app.strapi, specialist, contract.documentId, 'approve')).status).toBe(404);
      expect((await act(app.strapi, specialist, 'nosuchcontract000000000', 'submit', { version: 1 })).status).toBe(404);
      expect((await rest(app.strapi).post(`/api/contracts/${contract.documentId}/workflow/submit`, { data: { version: 1 } })).status).toBe(
        401
      );
      expect((await rest(app.strapi).get(`/api/contracts/${contract.documentId}/workflow`)).status).toBe(401);
    });
  });

  describe('a submitted revision cannot be edited around the workflow', () => {
    it('REST: PUT of a submitted contract is a 409; DELETE has no route; the state cannot be set', async () => {
      const contract = await submitted();
      const before = await snapshot(contract.documentId);
      const put = await rest(app.strapi, specialist).put(`/api/contracts/${contract.documentId}`, { data: { paymentTerms: 'cash' } });
      expect(put.status).toBe(409);
      expect(put.body.error.message).toContain('revision 1 is in_review: it can no longer be edited; use its workflow actions');
      const setState = await rest(app.strapi, supervisor).put(`/api/contracts/${contract.documentId}`, { data: { state: 'approved' } });
      expect(setState.status).toBe(409);
      const del = await rest(app.strapi, supervisor).delete(`/api/contracts/${contract.documentId}`);
      expect([403, 404, 405]).toContain(del.status);
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('REST: a draft ignores server-owned fields, refuses a state, and refuses an edit from an older version', async () => {
      const contract = await draft();
      const res = await rest(app.strapi, specialist).put(`/api/contracts/${contract.documentId}`, {
        data: { number: 'HT-1999-99999', total: 1, revision: 7, version: 1, otherTerms: 'FOB Ningbo' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ number: contract.number, total: 99.99, revision: 1, version: 2, otherTerms: 'FOB Ningbo' });
      expectValidationError(
        await rest(app.strapi, specialist).put(`/api/contracts/${contract.documentId}`, { data: { state: 'approved' } }),
        'state'
      );
      const stale = await rest(app.strapi, specialist).put(`/api/contracts/${contract.documentId}`, {
        data: { otherTerms: 'CIF', version: 1 },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details).toEqual({ code: 'record.stale_edit', currentVersion: 2 });
      expect(await stateOf(app.strapi, contract.documentId)).toBe('draft');
      const created = await rest(app.strapi, specialist).post('/api/contracts', {
        data: { customer: customer.documentId, state: 'active' },
      });
      expectValidationError(created, 'state');
    });

    it('REST: a draft refuses orders of another customer and unknown products, leaving nothing', async () => {
      const other = await createCustomer(app.strapi, specialist);
      const order = await rest(app.strapi, specialist).post('/api/orders', {
        data: { customer: other.documentId, lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }] },
      });
      const contracts = await countRows(app.strapi, CONTRACT);
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/contracts', {
          data: { customer: customer.documentId, orders: [order.body.data.documentId] },
        }),
        'orders'
      );
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/contracts', {
          data: { customer: customer.documentId, lines: [{ product: 'nosuchproduct0000000000', quantity: 1, unitPrice: '1.00' }] },
        }),
        'lines.0.product'
      );
      expect(await countRows(app.strapi, CONTRACT)).toBe(contracts);
    });

    it('content manager: even the super admin cannot edit, delete or clone a submitted contract, nor write history or opinions', async () => {
      const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
      const cm = contentManager(app.strapi, admin);
      const contract = await submitted();
      const before = await snapshot(contract.documentId);

      const edit = await cm.update(CONTRACT, contract.documentId, { paymentTerms: 'cash', state: 'approved' });
      expect(edit.status).toBe(409);
      const del = await request(app.strapi.server.httpServer)
        .delete(`/content-manager/collection-types/${CONTRACT}/${contract.documentId}`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(del.status).toBe(409);
      expect((await cm.clone(CONTRACT, contract.documentId)).status).toBe(409);

      const [event] = await app.strapi.db.query(EVENT).findMany({ where: { subjectId: contract.documentId } });
      const rewrite = await cm.update(EVENT, event.documentId, { comment: 'never happened' });
      expect(rewrite.status).toBe(403);
      expect(rewrite.body.error.message).toContain('never changed or deleted');
      const forged = await cm.create(OPINION, {
        subject: 'contract',
        subjectId: contract.documentId,
        round: 1,
        role: 'planner',
        verdict: 'approve',
        givenAt: new Date(),
      });
      expect(forged.status).toBe(403);
      expect(await snapshot(contract.documentId)).toEqual(before);
    });

    it('content manager: a cs-specialist edits a draft from the version shown, and no further', async () => {
      const admin = await createAdminUser(app.strapi, 'cs-specialist');
      const cm = contentManager(app.strapi, admin);
      const contract = await draft();
      const shown = (await cm.findOne(CONTRACT, contract.documentId)).body.data;
      const saved = await cm.update(CONTRACT, contract.documentId, { ...shown, otherTerms: 'edited in the panel' });
      expect(saved.status).toBe(200);
      expect(saved.body.data).toMatchObject({ otherTerms: 'edited in the panel', version: 2, state: 'draft' });
      const staleSave = await cm.update(CONTRACT, contract.documentId, { ...shown, otherTerms: 'from an old screen' });
      expect(staleSave.status).toBe(409);
    });

    it('services: a Document Service update is guarded, a Query Engine write is refused by the last line', async () => {
      const contract = await submitted();
      const before = await snapshot(contract.documentId);
      await expect(
        app.strapi.documents(CONTRACT as never).update({ documentId: contract.documentId, data: { paymentTerms: 'cash' } } as never)
      ).rejects.toMatchObject({ status: 409 });
      await expect(
        app.strapi.db.query(CONTRACT).update({ where: { documentId: contract.documentId }, data: { state: 'approved' } })
      ).rejects.toThrow(/refused: workflow records change only through/);
      await expect(app.strapi.db.query(CONTRACT).delete({ where: { documentId: contract.documentId } })).rejects.toThrow(/refused/);
      await expect(app.strapi.db.query(EVENT).deleteMany({ where: { subjectId: contract.documentId } })).rejects.toThrow(/refused/);
      await expect(
        app.strapi.db.query(OPINION).create({
          data: {
            subject: 'contract',
            subjectId: contract.documentId,
            round: 1,
            role: 'planner',
            verdict: 'approve',
            givenAt: new Date(),
          },
        })
      ).rejects.toThrow(/refused/);
      expect(await snapshot(contract.documentId)).toEqual(before);
    });
  });

  describe('people acting at the same moment', () => {
    it('two reviewers at once: both opinions recorded, exactly one transition', async () => {
      for (let round = 0; round < 5; round += 1) {
        const contract = await submitted();
        const [a, b] = await Promise.all([
          act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve', version: 2 }),
          act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve', version: 2 }),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const workflow = await workflowOf(app.strapi, supervisor, contract.documentId);
        expect(workflow).toMatchObject({ state: 'approved', version: 3 });
        expect(workflow.review.opinions).toHaveLength(2);
        expect(workflow.history.map((e: { toState: string }) => e.toState).sort()).toEqual(['approved', 'in_review', 'in_review']);
      }
    });

    it('two submits of the same version: one succeeds, the other is told the contract changed', async () => {
      const contract = await draft();
      const colleague = await createStaffUser(app.strapi, 'cs-specialist');
      const results = await Promise.all([
        act(app.strapi, specialist, contract.documentId, 'submit', { version: 1 }),
        act(app.strapi, colleague, contract.documentId, 'submit', { version: 1 }),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      const workflow = await workflowOf(app.strapi, supervisor, contract.documentId);
      expect(workflow.history.filter((e: { action: string }) => e.action === 'submit')).toHaveLength(1);
      expect(workflow).toMatchObject({ state: 'in_review', version: 2 });
    });
  });

  describe('the admin panel acts through the same engine', () => {
    it('an admin planner gives an opinion attributed to the staff member with the same e-mail', async () => {
      const contract = await submitted();
      const admin = await createAdminUser(app.strapi, 'planner', planner.email);
      const agent = request(app.strapi.server.httpServer);
      const shown = await agent.get(`/workflows/contract/${contract.documentId}`).set('Authorization', `Bearer ${admin.token}`);
      expect(shown.status).toBe(200);
      expect(shown.body.data).toMatchObject({ state: 'in_review', version: 2, allowedActions: ['review'] });
      const res = await agent
        .post(`/workflows/contract/${contract.documentId}/review`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ data: { version: 2, verdict: 'approve', comment: 'capacity ok' } });
      expect(res.status).toBe(200);
      expect(res.body.data.review.opinions).toEqual([
        expect.objectContaining({ role: 'planner', verdict: 'approve', reviewer: expect.objectContaining({ id: planner.id }) }),
      ]);
      const wrongRole = await agent
        .post(`/workflows/contract/${contract.documentId}/submit`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ data: { version: 2 } });
      expect(wrongRole.status).toBe(403);
      expect((await agent.get(`/workflows/contract/${contract.documentId}`)).status).toBe(401);
    });
  });
});
