/** Who supervises whom, the month of the performance sheet, and which documents wait at the credit gate. */
import { CREDIT_GATED_STATES } from '../../src/domain/my-work';
import { isMonth, monthDays, SUPERVISOR_ROLES, teamRolesOf } from '../../src/domain/supervision';

describe('supervision (监督)', () => {
  it('gives the CS supervisor the department staff and the sales manager the salespersons; nobody else a team', () => {
    expect(teamRolesOf(['cs-supervisor']).sort()).toEqual(['cs-specialist', 'order-coordinator', 'sales-clerk']);
    expect(teamRolesOf(['sales-manager'])).toEqual(['salesperson']);
    expect(teamRolesOf(['cs-specialist', 'marketing-vp', 'planner'])).toEqual([]);
    expect(SUPERVISOR_ROLES.sort()).toEqual(['cs-supervisor', 'sales-manager']);
  });

  it('reads a month as YYYY-MM and spans it to the first day of the next, over a year end', () => {
    expect(['2026-01', '2026-12'].every(isMonth)).toBe(true);
    expect(['2026-13', '2026-00', '2026-1', '2026-01-01', 202601, null].some(isMonth)).toBe(false);
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', next: '2026-03-01' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', next: '2027-01-01' });
  });

  it('holds at the credit gate the steps the credit check guards: confirming, submitting or activating, shipping', () => {
    expect(CREDIT_GATED_STATES).toEqual({ order: ['draft'], contract: ['draft', 'sealed'], shipment: ['planned'] });
  });
});
