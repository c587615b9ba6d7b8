/**
 * The contract review workflow as the department runs it through REST: drafted from an order,
 * submitted, reviewed in parallel (credit review when the customer needs it), changes requested and
 * revised, termination proposed and decided by the VP, replied to the customer by mail, sealed
 * under the seal log, made active (its order confirmed), amended and completed. Mails are received
 * by a real SMTP server.
 */
import { adminLinks, linkedTo, useMailCatcher } from '../helpers/mail';
import { useStrapi } from '../helpers/strapi';
import { rest, useStaff } from '../helpers/staff';
import { businessYear, createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { act, draftContract, stateOf, workflowOf } from '../helpers/contracts';
import { drainOutbox } from '../../src/notifications/worker';
import { ok } from '../helpers/workflow';
import { expectSalesRollupExact } from '../helpers/rollups';
import { CONTRACT } from '../../src/platform/uids';

const SHA = 'ab'.repeat(32);

describe('contract review', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const { specialist, supervisor, planner, clerk, vp } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: ['cs-supervisor', { preferredLanguage: 'en' }],
    planner: 'planner',
    clerk: 'sales-clerk',
    vp: 'marketing-vp',
  });
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    customer = await createCustomer(app.strapi, specialist, {
      creditLimit: '1000000.00',
      preferredLanguage: 'en',
      contacts: [
        { name: 'Li', email: 'li@customer.test', primary: false },
        { name: 'Wang', email: 'wang@customer.test', primary: true },
      ],
    });
    product = await createProduct(app.strapi, supervisor);
  });

  /** Mails sent since the last call, as { to, subject } sorted by recipient. */
  const sentMail = async () => {
    await drainOutbox(app.strapi);
    const caught = mail.catcher.messages.splice(0);
    return caught
      .map((message) => ({ to: message.to.join(','), subject: message.subject, text: message.text, html: message.html }))
      .sort((a, b) => a.to.localeCompare(b.to));
  };

  const lines = (quantity = 2, unitPrice = '100.00') => [{ product: product.documentId, quantity, unitPrice }];
  const newContract = (fields: Record<string, unknown> = {}) =>
    draftContract(app.strapi, specialist, {
      customer: customer.documentId,
      lines: lines(),
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-02-01',
      ...fields,
    });
  const approveBoth = async (documentId: string) => {
    await ok(act(app.strapi, supervisor, documentId, 'review', { verdict: 'approve' }));
    return ok(act(app.strapi, planner, documentId, 'review', { verdict: 'approve' }));
  };

  it('goes from an order to an active contract and confirms the order; every step is in the history', async () => {
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      requiredDate: '2027-03-01',
      lines: [{ product: product.documentId, quantity: 3, unitPrice: '100.50' }],
    });
    const contract = await draftContract(app.strapi, specialist, {
      orders: [order.documentId],
      paymentTerms: '30% deposit, 70% before shipment',
    });
    expect(contract).toMatchObject({ state: 'draft', revision: 1, version: 1, total: 301.5, deliveryDate: '2027-03-01' });
    expect(contract.number).toBe(`HT-${businessYear()}-00001`);
    expect(contract.lines).toEqual([
      expect.objectContaining({ quantity: 3, unitPrice: 100.5, lineAmount: 301.5, specification: 'DN50 PN16' }),
    ]);

    let body = await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    expect(body.data).toMatchObject({ state: 'in_review', version: 2, reviewRound: 1 });
    expect(body.data.creditSnapshot).toEqual({
      openBalance: '0.00',
      overdueAmount: '0.00',
      openContracts: '0.00',
      creditLimit: '1000000.00',
      creditHold: false,
      contractTotal: '301.50',
    });

    body = await ok(act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve', comment: 'terms as usual' }));
    expect(body.data).toMatchObject({ state: 'in_review', version: 2 });
    body = await ok(act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve', proposedDeliveryDate: '2027-03-05' }));
    expect(body.data).toMatchObject({ state: 'approved', version: 3 });

    body = await ok(act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'email', content: 'Your contract is approved.' }));
    expect(body.data).toMatchObject({ state: 'replied', replyChannel: 'email', replySentTo: 'wang@customer.test' });
    body = await ok(
      act(app.strapi, supervisor, contract.documentId, 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: SHA.toUpperCase() })
    );
    expect(body.data.state).toBe('sealed');
    body = await ok(act(app.strapi, specialist, contract.documentId, 'activate'));
    expect(body.data.state).toBe('active');

    const storedOrder = await rest(app.strapi, specialist).get(`/api/orders/${order.documentId}`);
    expect(storedOrder.body.data.state).toBe('confirmed');
    const seals = await rest(app.strapi, supervisor).get('/api/seal-uses?populate=*');
    expect(seals.body.data).toEqual([
      expect.objectContaining({
        sealType: 'contract_seal',
        copies: 2,
        documentSha256: SHA,
        contract: expect.objectContaining({ documentId: contract.documentId }),
        requestedBy: expect.objectContaining({ id: specialist.id }),
        approvedBy: expect.objectContaining({ id: supervisor.id }),
      }),
    ]);

    const workflow = await workflowOf(app.strapi, supervisor, contract.documentId);
    expect(workflow.history.map((event: Record<string, unknown>) => [event.action, event.fromState, event.toState, event.role])).toEqual([
      ['submit', 'draft', 'in_review', 'cs-specialist'],
      ['review', 'in_review', 'in_review', 'cs-supervisor'],
      ['review', 'in_review', 'approved', 'planner'],
      ['reply', 'approved', 'replied', 'cs-specialist'],
      ['seal', 'replied', 'sealed', 'cs-supervisor'],
      ['activate', 'sealed', 'active', 'cs-specialist'],
    ]);
    expect(workflow.history[1]).toMatchObject({ actor: { id: supervisor.id }, comment: 'terms as usual' });
    expect(workflow.review.opinions).toEqual([
      expect.objectContaining({ role: 'cs-supervisor', verdict: 'approve', reviewer: expect.objectContaining({ id: supervisor.id }) }),
      expect.objectContaining({ role: 'planner', verdict: 'approve', proposedDeliveryDate: '2027-03-05' }),
    ]);
    expect(workflow.allowedActions).toEqual(['complete', 'amend']); // the supervisor also drafts
    expect((await workflowOf(app.strapi, specialist, contract.documentId)).allowedActions).toEqual(['amend']);

    // each in the recipient's language: the supervisor and the customer read English
    const mails = await sentMail();
    expect(mails.map(({ to, subject }) => ({ to, subject }))).toEqual(
      [
        { to: supervisor.email, subject: `Contract review: ${contract.number} rev. 1 ${customer.name}` },
        { to: planner.email, subject: `合同评审：${contract.number} 第1版 ${customer.name}` },
        { to: specialist.email, subject: `合同评审结果：${contract.number} 第1版 评审通过` },
        { to: 'wang@customer.test', subject: `Contract review reply: ${contract.number}` },
      ].sort((a, b) => a.to.localeCompare(b.to))
    );
    // Staff mails end with the contract's page in the admin panel, in their language; the customer's does not.
    const page = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${CONTRACT}/${contract.documentId}`;
    const linkOf = (to: string) => adminLinks(mails.find((m) => m.to === to)!);
    expect(linkOf(supervisor.email)).toEqual(linkedTo(page, 'en'));
    expect(linkOf(planner.email)).toEqual(linkedTo(page, 'zh-CN'));
    expect(linkOf(specialist.email)).toEqual(linkedTo(page, 'zh-CN'));
    expect(linkOf('wang@customer.test')).toEqual({ text: null, html: null });
    expect(JSON.stringify(mails.find((m) => m.to === 'wang@customer.test'))).not.toContain('/admin');
    expect(mails.find((m) => m.to === 'wang@customer.test')!.text).toContain('Your contract is approved.');
    // Money reads one way in every mail: the currency code, then the grouped amount.
    expect(mails.find((m) => m.to === planner.email)!.text).toContain('金额 CNY 301.50，交货期 2027-03-01');
    expect(mails.find((m) => m.to === supervisor.email)!.text).toContain('CNY 301.50, delivery 2027-03-01');

    body = await ok(act(app.strapi, supervisor, contract.documentId, 'complete'));
    expect(body.data.state).toBe('completed');
    expect((await workflowOf(app.strapi, supervisor, contract.documentId)).allowedActions).toEqual([]);
  });

  it('asks the sales clerk for a credit opinion when the contract takes the customer over its limit', async () => {
    const small = await createCustomer(app.strapi, specialist, { creditLimit: '150.00' });
    const contract = await newContract({ customer: small.documentId }); // 200.00 > 150.00
    await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    let workflow = await workflowOf(app.strapi, clerk, contract.documentId);
    expect(workflow.review.awaited).toEqual(['cs-supervisor', 'planner', 'sales-clerk']);
    expect(workflow.allowedActions).toEqual(['review']);
    expect((await sentMail()).map((m) => m.to).sort()).toEqual([clerk.email, planner.email, supervisor.email].sort());

    await approveBoth(contract.documentId);
    expect(await stateOf(app.strapi, contract.documentId)).toBe('in_review'); // still waits for credit
    await ok(act(app.strapi, clerk, contract.documentId, 'review', { verdict: 'approve', comment: 'prepayment agreed' }));
    expect(await stateOf(app.strapi, contract.documentId)).toBe('approved');
    workflow = await workflowOf(app.strapi, clerk, contract.documentId);
    expect(workflow.review.opinions.map((opinion: { role: string }) => opinion.role)).toEqual(['cs-supervisor', 'planner', 'sales-clerk']);
  });

  it('counts the credit hold and the contracts already agreed in the snapshot', async () => {
    const held = await createCustomer(app.strapi, specialist, { creditLimit: '100000.00', creditHold: true, creditHoldReason: 'overdue' });
    // On hold, a contract is submitted only with the marketing VP's override for it (docs/collection.md).
    const override = (contract: Doc) =>
      ok(
        rest(app.strapi, vp).post('/api/credit-overrides', {
          data: { customer: held.documentId, subject: 'contract', subjectId: contract.documentId, reason: 'cash in advance agreed' },
        })
      );
    const first = await newContract({ customer: held.documentId });
    const refused = await act(app.strapi, specialist, first.documentId, 'submit');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('is on credit hold (overdue)');
    await override(first);
    let body = await ok(act(app.strapi, specialist, first.documentId, 'submit'));
    expect(body.data.creditSnapshot).toMatchObject({ creditHold: true, openContracts: '0.00' });
    expect((await workflowOf(app.strapi, clerk, first.documentId)).review.awaited).toContain('sales-clerk');
    await approveBoth(first.documentId);
    await ok(act(app.strapi, clerk, first.documentId, 'review', { verdict: 'approve', comment: 'cash in advance' }));

    const second = await newContract({ customer: held.documentId, lines: lines(1, '50.25') });
    await override(second);
    body = await ok(act(app.strapi, specialist, second.documentId, 'submit'));
    expect(body.data.creditSnapshot).toMatchObject({ openContracts: '200.00', contractTotal: '50.25', creditLimit: '100000.00' });
    await sentMail();
  });

  it('does not ask the sales clerk when credit is fine: a credit opinion is refused', async () => {
    const contract = await newContract();
    await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    const res = await act(app.strapi, clerk, contract.documentId, 'review', { verdict: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('awaits opinions from cs-supervisor, planner');
    await sentMail();
  });

  it('sends a contract with a request for changes back to the drafter, who revises and resubmits it', async () => {
    const contract = await newContract();
    await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    await ok(
      act(app.strapi, supervisor, contract.documentId, 'review', {
        verdict: 'request_changes',
        comment: 'payment terms: 60 days is too long',
      })
    );
    await ok(act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve' }));
    expect(await stateOf(app.strapi, contract.documentId)).toBe('changes_requested');
    const mails = await sentMail();
    const toDrafter = mails.filter((m) => m.to === specialist.email);
    expect(toDrafter.at(-1)!.text).toContain('客服主管：要求修改 payment terms: 60 days is too long');

    const body = await ok(act(app.strapi, specialist, contract.documentId, 'revise'));
    expect(body.data.state).toBe('superseded');
    const revision2 = body.meta.newRevision as string;
    const second = await rest(app.strapi, specialist).get(`/api/contracts/${revision2}?populate=*`);
    expect(second.body.data).toMatchObject({
      number: contract.number,
      revision: 2,
      state: 'draft',
      version: 1,
      paymentTerms: 'T/T 30 days',
      total: 200,
      previousRevision: expect.objectContaining({ documentId: contract.documentId }),
      customer: expect.objectContaining({ documentId: customer.documentId }),
    });
    expect(second.body.data.lines).toHaveLength(1);

    // revision 1 and its opinions stay as they were
    const edit1 = await rest(app.strapi, specialist).put(`/api/contracts/${contract.documentId}`, {
      data: { paymentTerms: 'T/T 15 days' },
    });
    expect(edit1.status).toBe(409);
    const workflow1 = await workflowOf(app.strapi, supervisor, contract.documentId);
    expect(workflow1.review.opinions.map((o: { verdict: string }) => o.verdict)).toEqual(['request_changes', 'approve']);

    const edit2 = await rest(app.strapi, specialist).put(`/api/contracts/${revision2}`, {
      data: { paymentTerms: 'T/T 15 days', version: 1 },
    });
    expect(edit2.status).toBe(200);
    expect(edit2.body.data).toMatchObject({ paymentTerms: 'T/T 15 days', version: 2 });
    await ok(act(app.strapi, specialist, revision2, 'submit'));
    const workflow2 = await workflowOf(app.strapi, supervisor, revision2);
    expect(workflow2.review).toMatchObject({ round: 1, opinions: [] });
    await approveBoth(revision2);
    expect(await stateOf(app.strapi, revision2)).toBe('approved');
  });

  it('lets the marketing VP decide on a recommended termination: back to review, then terminate', async () => {
    const contract = await newContract();
    await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    await ok(act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'approve' }));
    await ok(
      act(app.strapi, planner, contract.documentId, 'review', { verdict: 'recommend_termination', comment: 'no capacity before June' })
    );
    expect(await stateOf(app.strapi, contract.documentId)).toBe('termination_proposed');
    const mails = await sentMail();
    expect(mails.find((m) => m.to === vp.email)?.subject).toContain(`建议终止合同：${contract.number}`);

    expect((await act(app.strapi, supervisor, contract.documentId, 'terminate', { comment: 'x' })).status).toBe(403);
    const noReason = await act(app.strapi, vp, contract.documentId, 'return_to_review');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['comment']);

    await ok(act(app.strapi, vp, contract.documentId, 'return_to_review', { comment: 'check with the second line' }));
    let workflow = await workflowOf(app.strapi, planner, contract.documentId);
    expect(workflow).toMatchObject({ state: 'in_review', review: { round: 2, opinions: [] }, allowedActions: ['review'] });
    expect((await sentMail()).map((m) => m.to).sort()).toEqual([planner.email, supervisor.email].sort());

    await ok(act(app.strapi, supervisor, contract.documentId, 'review', { verdict: 'recommend_termination', comment: 'price below cost' }));
    await ok(act(app.strapi, planner, contract.documentId, 'review', { verdict: 'approve' }));
    await ok(act(app.strapi, vp, contract.documentId, 'terminate', { comment: 'price below cost' }));
    workflow = await workflowOf(app.strapi, vp, contract.documentId);
    expect(workflow.state).toBe('terminated');
    expect(workflow.history.at(-1)).toMatchObject({ action: 'terminate', role: 'marketing-vp', comment: 'price below cost' });
  });

  it('amends an active contract through a new revision; the active one stays in force until the amendment is approved', async () => {
    const contract = await newContract();
    await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
    await approveBoth(contract.documentId);
    await ok(act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'phone', content: 'approved, told by phone' }));
    await ok(act(app.strapi, supervisor, contract.documentId, 'seal', { sealType: 'company_seal', copies: 1, documentSha256: SHA }));
    await ok(act(app.strapi, specialist, contract.documentId, 'activate'));
    expect(await sentMail()).not.toContainEqual(expect.objectContaining({ to: 'wang@customer.test' })); // replied by phone

    const body = await ok(act(app.strapi, specialist, contract.documentId, 'amend', { comment: 'customer adds 3 pcs' }));
    expect(body.data.state).toBe('active');
    const amendment = body.meta.newRevision as string;
    const again = await act(app.strapi, specialist, contract.documentId, 'amend');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already being amended');

    const edited = await rest(app.strapi, specialist).put(`/api/contracts/${amendment}?populate=lines`, {
      data: { lines: lines(5, '100.00') },
    });
    expect(edited.body.data).toMatchObject({ revision: 2, total: 500 });
    const submitted = await ok(act(app.strapi, specialist, amendment, 'submit'));
    // the amended revision's own total is not counted twice in the credit exposure
    expect(submitted.data.creditSnapshot).toMatchObject({ contractTotal: '500.00' });
    expect(await stateOf(app.strapi, contract.documentId)).toBe('active');
    await approveBoth(amendment);
    expect(await stateOf(app.strapi, amendment)).toBe('approved');
    expect(await stateOf(app.strapi, contract.documentId)).toBe('superseded');
    const history = (await workflowOf(app.strapi, supervisor, contract.documentId)).history;
    expect(history.at(-1)).toMatchObject({ action: 'supersede', fromState: 'active', toState: 'superseded' });
  });

  it('cancels a draft with a reason; a cancelled contract takes no action', async () => {
    const contract = await newContract();
    const noReason = await act(app.strapi, specialist, contract.documentId, 'cancel');
    expect(noReason.status).toBe(400);
    await ok(act(app.strapi, specialist, contract.documentId, 'cancel', { comment: 'customer withdrew' }));
    const res = await act(app.strapi, specialist, contract.documentId, 'submit');
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ code: 'workflow.wrong_state', state: 'cancelled', allowedActions: [] });
    expect(await app.strapi.db.query(CONTRACT).count({ where: { documentId: contract.documentId } })).toBe(1);
  });

  it('activates 32 contracts of the same month at once: every one succeeds and the sales figures stay exact', async () => {
    const contracts: Doc[] = [];
    for (let index = 0; index < 32; index += 1) {
      // One customer each: a customer's credit check locks its row, which would queue them anyway.
      const buyer = await createCustomer(app.strapi, specialist, { creditLimit: '1000000.00' });
      const contract = await newContract({ customer: buyer.documentId, lines: lines(1 + (index % 3), '10.00') });
      await ok(act(app.strapi, specialist, contract.documentId, 'submit'));
      await approveBoth(contract.documentId);
      await ok(act(app.strapi, specialist, contract.documentId, 'reply', { channel: 'phone', content: 'agreed' }));
      await ok(act(app.strapi, supervisor, contract.documentId, 'seal', { sealType: 'contract_seal', copies: 1, documentSha256: SHA }));
      contracts.push(contract);
    }
    // Their orders share the month's cells of the sales roll-up: people confirming at the same moment
    // queue on them instead of being told to reload.
    const answers = await Promise.all(contracts.map((contract) => act(app.strapi, specialist, contract.documentId, 'activate')));
    expect(answers.map((res) => res.status)).toEqual(contracts.map(() => 200));
    for (const contract of contracts) expect(await stateOf(app.strapi, contract.documentId)).toBe('active');
    await expectSalesRollupExact(app.strapi);
  });
});
