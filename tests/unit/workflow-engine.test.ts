/**
 * The workflow engine and the contract review machine without Strapi: who may act, in which state,
 * from which version, with which fields; parallel opinions and where they lead; the machine's own
 * consistency (every action leads to a known state, final states have no way out).
 */
import {
  CONTRACT_ACTIONS,
  CONTRACT_STATES,
  ContractState,
  ContractSubject,
  contractMachine,
  needsCreditReview,
} from '../../src/domain/contract-review';
import { allowedActions, Caller, planStep, Situation } from '../../src/domain/workflow/engine';
import { refusal } from '../helpers/refusal';
import { Opinion } from '../../src/domain/workflow/machine';
import { TASK_STATES, taskMachine } from '../../src/domain/tasks';
import type { RoleCode } from '../../src/domain/staff-roles';

const SNAPSHOT = {
  openBalance: '0.00',
  overdueAmount: '0.00',
  openContracts: '0.00',
  creditLimit: '1000.00',
  creditHold: false,
  contractTotal: '500.00',
};
const contract = (fields: Partial<ContractSubject> = {}): ContractSubject => ({
  creditSnapshot: SNAPSHOT,
  customer: { id: 1 },
  lines: [{ quantity: 1 }],
  deliveryDate: '2027-01-01',
  paymentTerms: 'T/T 30',
  ...fields,
});
const situation = (
  state: ContractState,
  opinions: Opinion[] = [],
  subject = contract(),
  version = 3
): Situation<ContractState, ContractSubject> => ({
  state,
  version,
  subject,
  opinions,
});
const as = (role: RoleCode, staffUserId = 10): Caller => ({ roles: [role], staffUserId });
const plan = (s: Situation<ContractState, ContractSubject>, caller: Caller, action: string, input: Record<string, unknown> = {}) =>
  planStep(contractMachine, s, caller, action, { version: s.version, ...input });

describe('the contract machine', () => {
  it('names only known states, and final states have no action out', () => {
    for (const [action, spec] of Object.entries(contractMachine.actions)) {
      expect(CONTRACT_ACTIONS).toContain(action);
      for (const from of spec.from) expect(CONTRACT_STATES).toContain(from);
      if (spec.to) expect(CONTRACT_STATES).toContain(spec.to);
      expect(Boolean(spec.to) !== Boolean(spec.opinion)).toBe(true);
    }
    expect(Object.keys(contractMachine.states).sort()).toEqual([...CONTRACT_STATES].sort());
    const final = CONTRACT_STATES.filter((state) => contractMachine.states[state].final);
    expect(final.sort()).toEqual(['cancelled', 'completed', 'superseded', 'terminated']);
    for (const state of final) {
      expect(Object.values(contractMachine.actions).filter((spec) => spec.from.includes(state))).toEqual([]);
    }
  });

  it('submits a complete draft (cs-specialist or cs-supervisor) into review', () => {
    expect(plan(situation('draft'), as('cs-specialist'), 'submit')).toEqual({
      action: 'submit',
      from: 'draft',
      to: 'in_review',
      role: 'cs-specialist',
      moves: true,
    });
    expect(plan(situation('draft'), as('cs-supervisor'), 'submit').to).toBe('in_review');
  });

  it('refuses: 403 wrong role, 409 wrong state with the allowed actions, 409 stale version, 400 missing fields', () => {
    expect(refusal(() => plan(situation('draft'), as('planner'), 'submit'))).toMatchObject({ kind: 'forbidden' });
    expect(refusal(() => plan(situation('approved'), as('cs-specialist'), 'submit'))).toMatchObject({
      kind: 'conflict',
      details: { state: 'approved', allowedActions: ['reply'] },
    });
    expect(refusal(() => planStep(contractMachine, situation('draft'), as('cs-specialist'), 'submit', { version: 2 }))).toMatchObject({
      kind: 'conflict',
      details: { currentVersion: 3 },
    });
    expect(refusal(() => planStep(contractMachine, situation('draft'), as('cs-specialist'), 'submit', {}))).toMatchObject({
      kind: 'invalid',
    });
    const missing = refusal(() =>
      plan(situation('draft', [], contract({ lines: [], deliveryDate: null, paymentTerms: ' ' })), as('cs-specialist'), 'submit')
    );
    expect(missing.details.errors).toEqual([
      { field: 'lines', message: 'required before submit a contract' },
      { field: 'deliveryDate', message: 'required before submit a contract' },
      { field: 'paymentTerms', message: 'required before submit a contract' },
    ]);
    expect(refusal(() => plan(situation('draft'), as('cs-specialist'), 'sign'))).toMatchObject({ kind: 'unknown_action' });
  });

  describe('review', () => {
    const supervisorApproves: Opinion = { role: 'cs-supervisor', verdict: 'approve', reviewer: 1 };

    it('waits for the supervisor and the planner; the last opinion decides', () => {
      const first = plan(situation('in_review'), as('cs-supervisor', 1), 'review', { verdict: 'approve' });
      expect(first).toMatchObject({ to: 'in_review', moves: false, opinion: supervisorApproves });
      const last = plan(situation('in_review', [supervisorApproves]), as('planner', 2), 'review', { verdict: 'approve' });
      expect(last).toMatchObject({ to: 'approved', moves: true, role: 'planner' });
    });

    it('any termination recommendation wins over requests for changes, which win over approval', () => {
      const decide = (verdicts: Opinion['verdict'][]) =>
        contractMachine.decide!(verdicts.map((verdict, i) => ({ role: i ? 'planner' : 'cs-supervisor', verdict, reviewer: i })));
      expect(decide(['approve', 'approve'])).toBe('approved');
      expect(decide(['approve', 'request_changes'])).toBe('changes_requested');
      expect(decide(['request_changes', 'recommend_termination'])).toBe('termination_proposed');
    });

    it('awaits the sales clerk only when the customer is on hold, overdue or over its limit', () => {
      const awaited = (snapshot: Partial<typeof SNAPSHOT>) =>
        contractMachine.awaits!.in_review!(contract({ creditSnapshot: { ...SNAPSHOT, ...snapshot } }));
      expect(awaited({})).toEqual(['cs-supervisor', 'planner']);
      expect(awaited({ creditHold: true })).toContain('sales-clerk');
      expect(awaited({ overdueAmount: '0.01' })).toContain('sales-clerk');
      expect(awaited({ openBalance: '300.00', openContracts: '200.01' })).toContain('sales-clerk'); // 300 + 200.01 + 500 > 1000
      expect(awaited({ openBalance: '300.00', openContracts: '200.00' })).toEqual(['cs-supervisor', 'planner']); // exactly at the limit
      expect(needsCreditReview(null)).toBe(false);
    });

    it('refuses a role not awaited (403), a role already heard or a reviewer heard twice (409), a bad verdict (400)', () => {
      const heard = situation('in_review', [supervisorApproves]);
      expect(refusal(() => plan(heard, as('sales-clerk'), 'review', { verdict: 'approve' }))).toMatchObject({ kind: 'forbidden' });
      expect(refusal(() => plan(heard, as('cs-supervisor', 9), 'review', { verdict: 'approve' }))).toMatchObject({ kind: 'conflict' });
      const twoHats: Caller = { roles: ['cs-supervisor', 'planner'], staffUserId: 1 };
      expect(refusal(() => plan(heard, twoHats, 'review', { verdict: 'approve' }))).toMatchObject({ kind: 'conflict' });
      expect(refusal(() => plan(heard, as('planner'), 'review', { verdict: 'fine' }))).toMatchObject({
        kind: 'invalid',
        details: { errors: [{ field: 'verdict', message: expect.any(String) }] },
      });
      expect(refusal(() => plan(heard, as('planner'), 'review', { verdict: 'request_changes' }))).toMatchObject({
        kind: 'invalid',
        details: { errors: [{ field: 'comment', message: expect.any(String) }] },
      });
    });

    it('lists review among the allowed actions only for those still awaited', () => {
      const heard = situation('in_review', [supervisorApproves]);
      expect(allowedActions(contractMachine, heard, as('planner', 2))).toEqual(['review']);
      expect(allowedActions(contractMachine, heard, as('cs-supervisor', 3))).toEqual([]);
      expect(allowedActions(contractMachine, heard, as('sales-clerk'))).toEqual([]);
    });
  });

  it('needs the seal details and a reply channel with content', () => {
    expect(refusal(() => plan(situation('replied'), as('cs-supervisor'), 'seal', { sealType: 'contract_seal', copies: 2 }))).toMatchObject({
      kind: 'invalid',
      details: { errors: [{ field: 'documentSha256', message: 'required to seal a contract' }] },
    });
    expect(
      plan(situation('replied'), as('cs-supervisor'), 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: 'F'.repeat(64) }).to
    ).toBe('sealed');
    expect(refusal(() => plan(situation('approved'), as('cs-specialist'), 'reply', { channel: 'email' }))).toMatchObject({
      kind: 'invalid',
    });
  });

  it('keeps an amended contract active, and leaves termination to the marketing VP', () => {
    expect(plan(situation('active'), as('cs-specialist'), 'amend')).toMatchObject({ from: 'active', to: 'active', moves: false });
    expect(refusal(() => plan(situation('termination_proposed'), as('cs-supervisor'), 'terminate', { comment: 'x' }))).toMatchObject({
      kind: 'forbidden',
    });
    expect(plan(situation('termination_proposed'), as('marketing-vp'), 'return_to_review', { comment: 'again' }).to).toBe('in_review');
  });
});

describe('a machine whose actions belong to the people the record names (a task)', () => {
  const task = (state: string) => ({
    state,
    version: 2,
    subject: { state, assignee: { id: 7 }, assignedBy: { id: 3 } },
    opinions: [],
  });
  const person = (staffUserId: number | null, role: RoleCode = 'cs-specialist'): Caller => ({ roles: [role], staffUserId });

  it('offers each person only their own steps, whatever their role', () => {
    expect(allowedActions(taskMachine, task('assigned'), person(7))).toEqual(['accept', 'complete', 'note']);
    expect(allowedActions(taskMachine, task('assigned'), person(3, 'cs-supervisor'))).toEqual(['note', 'cancel']);
    expect(allowedActions(taskMachine, task('done'), person(3, 'cs-supervisor'))).toEqual(['verify', 'reopen', 'note']);
    // Another supervisor, the server itself: nothing.
    expect(allowedActions(taskMachine, task('assigned'), person(4, 'cs-supervisor'))).toEqual([]);
    expect(allowedActions(taskMachine, task('assigned'), person(null, 'cs-supervisor'))).toEqual([]);
  });

  it('refuses a step by anyone but its party (403) before looking at the state, and keeps the state on a note', () => {
    expect(
      refusal(() => planStep(taskMachine, task('assigned'), person(3, 'cs-supervisor'), 'complete', { version: 2, comment: 'x' }))
    ).toMatchObject({
      kind: 'forbidden',
      message: "only the task's assignee may complete it",
    });
    expect(refusal(() => planStep(taskMachine, task('verified'), person(4), 'verify', { version: 2 }))).toMatchObject({
      kind: 'forbidden',
    });
    expect(planStep(taskMachine, task('done'), person(7), 'note', { version: 2, comment: 'x' })).toMatchObject({
      to: 'done',
      moves: false,
    });
    expect(planStep(taskMachine, task('done'), person(3), 'reopen', { version: 2, comment: 'missing' })).toMatchObject({ to: 'reopened' });
  });

  it('leads every action to a known state, and nothing leaves verified or cancelled', () => {
    for (const spec of Object.values(taskMachine.actions)) {
      if (typeof spec.to === 'string') expect(TASK_STATES).toContain(spec.to);
      expect(spec.from).not.toContain('verified');
      expect(spec.from).not.toContain('cancelled');
    }
  });
});
