/**
 * The complaint machine and working-day deadlines without Strapi: routes by severity, the
 * supervisor's decision on measures, the conditions on verification, closing and reopening, and
 * deadlines that skip weekends and holidays and honour make-up working days.
 */
import { complaintMachine, ComplaintState, ComplaintSubject, COMPLAINT_STATES, Measure } from '../../src/domain/complaint-handling';
import { allowedActions, Caller, planStep, Situation } from '../../src/domain/workflow/engine';
import { refusal } from '../helpers/refusal';
import { Opinion } from '../../src/domain/workflow/machine';
import { addWorkingDays, deadlineAfter, endOfDayIn, isWorkingDay } from '../../src/domain/working-days';
import type { RoleCode } from '../../src/domain/staff-roles';

const machine = complaintMachine({ closeWithoutFeedbackAfterDays: 14, reopenWithinDays: 30 });
const NOW = new Date('2026-11-27T02:00:00Z');
const measure = (fields: Partial<Measure> = {}): Measure => ({
  key: 'm1',
  kind: 'corrective',
  description: 'fix the mould',
  ownerRole: 'quality',
  dueDate: '2026-12-10',
  doneAt: null,
  result: null,
  ...fields,
});
const complaint = (fields: Partial<ComplaintSubject> = {}): ComplaintSubject => ({
  severity: 'minor',
  measures: [],
  repliedAt: null,
  feedbackAt: null,
  closedAt: null,
  ...fields,
});
const at = (state: ComplaintState, subject = complaint(), opinions: Opinion[] = []): Situation<ComplaintState, ComplaintSubject> => ({
  state,
  version: 4,
  subject: { ...subject, state },
  opinions,
});
const as = (role: RoleCode, id = 7): Caller => ({ roles: [role], staffUserId: id });
const plan = (s: Situation<ComplaintState, ComplaintSubject>, caller: Caller, action: string, input: Record<string, unknown> = {}) =>
  planStep(machine, s, caller, action, { version: 4, ...input }, NOW);

describe('the complaint machine', () => {
  it('names only known states; withdrawn is the only state without a way out (closed can be reopened)', () => {
    for (const spec of Object.values(machine.actions)) for (const from of spec.from) expect(COMPLAINT_STATES).toContain(from);
    const withoutWayOut = COMPLAINT_STATES.filter((state) => !Object.values(machine.actions).some((spec) => spec.from.includes(state)));
    expect(withoutWayOut).toEqual(['withdrawn']);
  });

  it('routes justified measures by severity: minor straight to work, major and critical to review', () => {
    const withMeasure = (severity: ComplaintSubject['severity']) => at('justified', complaint({ severity, measures: [measure()] }));
    expect(plan(withMeasure('minor'), as('quality'), 'submit_measures').to).toBe('in_progress');
    expect(plan(withMeasure('major'), as('quality'), 'submit_measures').to).toBe('measures_review');
    expect(plan(withMeasure('critical'), as('cs-supervisor'), 'submit_measures').to).toBe('measures_review');
    expect(refusal(() => plan(at('justified'), as('quality'), 'submit_measures'))).toMatchObject({ kind: 'invalid' });
  });

  it('waits for quality, planner, coordinator and supervisor on measures; the supervisor decides', () => {
    const others: Opinion[] = [
      { role: 'quality', verdict: 'request_changes', reviewer: 1 },
      { role: 'planner', verdict: 'request_changes', reviewer: 2 },
      { role: 'order-coordinator', verdict: 'approve', reviewer: 3 },
    ];
    expect(plan(at('measures_review', complaint(), others), as('cs-supervisor'), 'review_measures', { verdict: 'approve' })).toMatchObject({
      to: 'in_progress',
      moves: true,
    });
    expect(
      plan(at('measures_review', complaint(), others.slice(0, 2)), as('cs-supervisor'), 'review_measures', { verdict: 'approve' })
    ).toMatchObject({
      to: 'measures_review',
      moves: false,
    });
    expect(
      plan(at('measures_review', complaint(), others), as('cs-supervisor'), 'review_measures', {
        verdict: 'request_changes',
        comment: 'more',
      }).to
    ).toBe('justified');
    expect(
      refusal(() => plan(at('measures_review'), as('planner'), 'review_measures', { verdict: 'recommend_termination' }))
    ).toMatchObject({
      kind: 'invalid',
    });
    expect(allowedActions(machine, at('measures_review'), as('sales-clerk'))).toEqual([]);
  });

  it('verifies and closes only when every measure is done', () => {
    const open = complaint({ measures: [measure({ doneAt: '2026-11-20T00:00:00Z' }), measure({ key: 'm2', description: 'train' })] });
    expect(refusal(() => plan(at('in_progress', open), as('quality'), 'request_verification'))).toMatchObject({
      kind: 'conflict',
      message: '1 measure(s) still open: train',
    });
    const done = complaint({ measures: [measure({ doneAt: '2026-11-20T00:00:00Z' })] });
    expect(plan(at('in_progress', done), as('quality'), 'request_verification').to).toBe('verifying');
    expect(refusal(() => plan(at('in_progress', { ...done, needsNewMeasure: true }), as('quality'), 'request_verification'))).toMatchObject(
      {
        kind: 'conflict',
        message: 'the measures were not effective: add a new measure first',
      }
    );
  });

  it('closes on feedback at once, or without it 14 days after the reply', () => {
    const replied = (fields: Partial<ComplaintSubject>) => at('replied', complaint({ repliedAt: '2026-11-20T02:00:00Z', ...fields }));
    expect(refusal(() => plan(replied({}), as('cs-specialist'), 'close'))).toMatchObject({ kind: 'conflict' });
    expect(plan(replied({ feedbackAt: '2026-11-21T00:00:00Z' }), as('cs-specialist'), 'close').to).toBe('closed');
    expect(plan(replied({ repliedAt: '2026-11-13T02:00:00Z' }), as('cs-specialist'), 'close').to).toBe('closed');
  });

  it('reopens within 30 days of closing, not after', () => {
    expect(
      plan(at('closed', complaint({ closedAt: '2026-10-29T02:00:00Z' })), as('cs-specialist'), 'reopen', { comment: 'again' }).to
    ).toBe('under_analysis');
    expect(
      refusal(() => plan(at('closed', complaint({ closedAt: '2026-10-27T02:00:00Z' })), as('cs-specialist'), 'reopen', { comment: 'x' }))
    ).toMatchObject({
      kind: 'conflict',
    });
  });

  it('checks measure inputs and reply channels', () => {
    const problems = refusal(() =>
      plan(at('justified'), as('quality'), 'add_measure', { kind: 'magic', description: 'x', ownerRole: 'janitor', dueDate: '2026-12-01' })
    );
    expect(problems.details.errors).toEqual([
      { field: 'kind', message: 'must be one of containment, corrective, preventive' },
      { field: 'ownerRole', message: expect.stringContaining('must be one of cs-supervisor') },
    ]);
    expect(
      plan(at('in_progress'), as('planner'), 'add_measure', {
        kind: 'preventive',
        description: 'x',
        ownerRole: 'planner',
        dueDate: '2026-12-01',
      })
    ).toMatchObject({
      to: 'in_progress',
      moves: false,
    });
    expect(refusal(() => plan(at('replying'), as('cs-specialist'), 'reply', { channel: 'fax', content: 'x' }))).toMatchObject({
      kind: 'invalid',
    });
  });
});

describe('working days', () => {
  const calendar = { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] };

  it('skips weekends and holidays, counts make-up working days', () => {
    expect(isWorkingDay('2026-11-27', calendar)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // National Day
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // a Saturday worked
    expect(addWorkingDays('2026-11-27', 1, calendar)).toBe('2026-11-30'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-11-28', 0, calendar)).toBe('2026-11-30'); // received on Saturday: counts from Monday
    expect(addWorkingDays('2026-09-30', 2, calendar)).toBe('2026-10-06'); // over the holiday and the weekend
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10'); // Friday + 1 → the Saturday worked
  });

  it('puts a deadline at the end of the day in the report time zone', () => {
    expect(endOfDayIn('Asia/Shanghai', '2026-11-30').toISOString()).toBe('2026-11-30T15:59:59.000Z');
    expect(endOfDayIn('UTC', '2026-11-30').toISOString()).toBe('2026-11-30T23:59:59.000Z');
    // 23:30 UTC on Friday is already Saturday in Shanghai: one working day later is Tuesday
    expect(deadlineAfter(new Date('2026-11-27T23:30:00Z'), 1, 'Asia/Shanghai', calendar).toISOString()).toBe('2026-12-01T15:59:59.000Z');
  });
});
