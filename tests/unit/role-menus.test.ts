/**
 * The content manager's menu per role (src/domain/role-menus.ts) against the access matrix: a role
 * finds in its menu only what it may read, and everything it may create or change.
 */
import { ACCESS_MATRIX, RECORDS } from '../../src/domain/access-matrix';
import { menuOf, ROLE_MENUS } from '../../src/domain/role-menus';
import { ROLE_CODES } from '../../src/domain/staff-roles';

describe('role menus', () => {
  it.each(ROLE_CODES)('%s: only what it may read, and everything it may create or change', (role) => {
    const menu = ROLE_MENUS[role];
    expect(menu.filter((record) => !ACCESS_MATRIX[record][role]?.includes('read'))).toEqual([]);
    const writes = RECORDS.filter((record) => ACCESS_MATRIX[record][role]?.some((level) => level === 'create' || level === 'update'));
    expect(writes.filter((record) => !menu.includes(record))).toEqual([]);
    expect(new Set(menu).size).toBe(menu.length);
  });

  it('leaves out of every menu what only the panels show: staff, allocations, credit events', () => {
    for (const role of ROLE_CODES) expect(ROLE_MENUS[role]).not.toEqual(expect.arrayContaining(['staff']));
    const all = menuOf(ROLE_CODES);
    expect([all.has('staff'), all.has('payment-allocation'), all.has('credit-event')]).toEqual([false, false, false]);
  });

  it('gives someone with two roles what either works with', () => {
    const both = menuOf(['order-coordinator', 'sales-clerk']);
    expect(both.has('packaging-item')).toBe(true);
    expect(both.has('payment')).toBe(true);
    expect(both.has('task')).toBe(false);
  });
});
