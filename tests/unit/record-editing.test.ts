/**
 * What a client may still edit (src/domain/record-editing.ts), how the admin narrows the content
 * manager's permissions by it for the record in the edit view (src/admin/workflow/read-only-permissions.ts),
 * and the compact edit form (src/content-manager/edit-layout.ts).
 */
import { editingByState, NEVER_EDITED, orderEditing } from '../../src/domain/record-editing';
import { narrowedPermissions, recordOfPath } from '../../src/admin/workflow/read-only-permissions';
import { compactEditLayout } from '../../src/content-manager/edit-layout';
import { CONTRACT_STATES } from '../../src/domain/contract-review';

describe('what a client may still edit', () => {
  it('a contract only as a draft: every other state is frozen, with the reason', () => {
    expect(editingByState('contract', 'draft')).toEqual({ scope: 'all' });
    for (const state of CONTRACT_STATES.filter((s) => s !== 'draft')) {
      expect(editingByState('contract', state)).toEqual({ scope: 'none', reason: 'contract-left-draft' });
    }
  });

  it('a complaint while received or confirmed; a shipment while planned; a task while open; a need until settled', () => {
    expect(editingByState('complaint', 'confirmed').scope).toBe('all');
    expect(editingByState('complaint', 'under_analysis')).toEqual({ scope: 'none', reason: 'complaint-judged' });
    expect(editingByState('shipment', 'planned').scope).toBe('all');
    expect(editingByState('shipment', 'shipped').scope).toBe('none');
    expect(editingByState('task', 'accepted').scope).toBe('all');
    expect(editingByState('task', 'done').scope).toBe('none');
    expect(editingByState('need', 'open').scope).toBe('all');
    expect(editingByState('need', 'won')).toEqual({ scope: 'none', reason: 'need-settled' });
  });

  it('an order: a draft all of it, unless a contract in review holds it; confirmed only notes and wish date; ended nothing', () => {
    expect(orderEditing('draft', false)).toEqual({ scope: 'all' });
    expect(orderEditing('draft', true)).toEqual({ scope: 'some', fields: ['notes', 'requiredDate'], reason: 'order-held-by-contract' });
    expect(orderEditing('in_production', false)).toEqual({ scope: 'some', fields: ['notes', 'requiredDate'], reason: 'order-confirmed' });
    expect(orderEditing('cancelled', false)).toEqual({ scope: 'none', reason: 'order-ended' });
    expect(orderEditing('closed', false)).toEqual({ scope: 'none', reason: 'order-ended' });
  });

  it('payments, opinions and what the workflows write are never edited', () => {
    expect(NEVER_EDITED['api::payment.payment']).toBe('kept-as-recorded');
    expect(NEVER_EDITED['api::workflow-event.workflow-event']).toBe('written-by-server');
    expect(NEVER_EDITED['api::contract.contract']).toBeUndefined();
  });
});

describe("the admin's permissions for the record in the edit view", () => {
  const CONTRACT = 'api::contract.contract';
  const permission = (action: string, subject = CONTRACT, fields?: string[]) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject,
    properties: fields ? { fields } : {},
  });
  const all = [
    permission('read'),
    permission('update', CONTRACT, ['paymentTerms', 'notes']),
    permission('delete'),
    permission('update', 'x'),
  ];

  it('finds the record of an edit-view path; a list or a Create page is none', () => {
    expect(recordOfPath(`/content-manager/collection-types/${CONTRACT}/abc123`)).toEqual({ uid: CONTRACT, documentId: 'abc123' });
    expect(recordOfPath(`/content-manager/collection-types/${CONTRACT}/create`)).toBeNull();
    expect(recordOfPath(`/content-manager/collection-types/${CONTRACT}`)).toBeNull();
  });

  it('frozen: no update and no delete of that type; reading and other types untouched', () => {
    expect(narrowedPermissions(all, CONTRACT, { scope: 'none', reason: 'contract-left-draft' })).toEqual([
      permission('read'),
      permission('update', 'x'),
    ]);
  });

  it('partly editable: update of the editable fields the role may update, no delete', () => {
    expect(narrowedPermissions(all, CONTRACT, { scope: 'some', fields: ['notes', 'requiredDate'], reason: 'order-confirmed' })).toEqual([
      permission('read'),
      permission('update', CONTRACT, ['notes']),
      permission('update', 'x'),
    ]);
  });

  it('editable, or unknown: as granted', () => {
    expect(narrowedPermissions(all, CONTRACT, { scope: 'all' })).toBe(all);
    expect(narrowedPermissions(all, CONTRACT, undefined)).toBe(all);
  });
});

describe('the compact edit form', () => {
  const shapes: Record<string, boolean> = { measures: false };
  const compact = (rows: { name: string; size: number }[][], hidden: string[], serverOwned: string[]) =>
    compactEditLayout(rows, {
      hidden: new Set(hidden),
      serverOwned: new Set(serverOwned),
      shapeOf: (name) => ({ resizable: shapes[name] ?? true }),
    });

  it('keeps what staff type first as laid out, puts the server-owned after it three to a row, and leaves out the hidden', () => {
    const rows = [
      [
        { name: 'number', size: 6 },
        { name: 'customer', size: 6 },
      ],
      [{ name: 'description', size: 12 }],
      [
        { name: 'feedbackTokenHash', size: 6 },
        { name: 'judgedAt', size: 6 },
      ],
      [{ name: 'measures', size: 12 }],
      [
        { name: 'rootCause', size: 6 },
        { name: 'version', size: 4 },
        { name: 'repliedAt', size: 6 },
      ],
      [{ name: 'closedAt', size: 6 }],
    ];
    expect(
      compact(
        rows,
        ['feedbackTokenHash', 'version'],
        ['number', 'feedbackTokenHash', 'judgedAt', 'measures', 'rootCause', 'version', 'repliedAt', 'closedAt']
      )
    ).toEqual([
      [{ name: 'customer', size: 6 }],
      [{ name: 'description', size: 12 }],
      [
        { name: 'number', size: 4 },
        { name: 'judgedAt', size: 4 },
      ],
      [{ name: 'measures', size: 12 }],
      [
        { name: 'rootCause', size: 4 },
        { name: 'repliedAt', size: 4 },
        { name: 'closedAt', size: 4 },
      ],
    ]);
  });

  it("starts with the type's own rows, server-owned fields in them where it puts them; what they leave out follows as before", () => {
    const rows = [
      [
        { name: 'number', size: 6 },
        { name: 'customer', size: 6 },
      ],
      [
        { name: 'channel', size: 6 },
        { name: 'severity', size: 6 },
      ],
      [
        { name: 'description', size: 6 },
        { name: 'state', size: 6 },
      ],
      [{ name: 'closedAt', size: 6 }],
    ];
    const arranged = [
      [
        { name: 'customer', size: 4 },
        { name: 'channel', size: 4 },
        { name: 'severity', size: 4 },
      ],
      [
        { name: 'state', size: 3 },
        { name: 'feedbackTokenHash', size: 3 },
        { name: 'noSuchField', size: 3 },
      ],
    ];
    expect(
      compactEditLayout(rows, {
        hidden: new Set(['feedbackTokenHash']),
        serverOwned: new Set(['number', 'state', 'closedAt', 'feedbackTokenHash']),
        shapeOf: () => ({ resizable: true }),
        arranged,
      })
    ).toEqual([
      arranged[0],
      [{ name: 'state', size: 3 }],
      [{ name: 'description', size: 6 }],
      [
        { name: 'number', size: 4 },
        { name: 'closedAt', size: 4 },
      ],
    ]);
  });
});
