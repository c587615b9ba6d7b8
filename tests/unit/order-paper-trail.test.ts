import { orderMachine, OrderState } from '../../src/domain/order-progress';
import { orderPaperTrail } from '../../src/demo/order-paper-trail';

describe("a bulk-loaded demo order's paper trail", () => {
  const today = '2026-12-05';
  const states: OrderState[] = [
    'draft',
    'confirmed',
    'scheduled',
    'in_production',
    'ready',
    'partially_shipped',
    'shipped',
    'closed',
    'on_hold',
    'cancelled',
  ];

  it.each(states)('takes a draft to %s by steps the order machine allows, by roles it allows, in order and in the past', (state) => {
    const trail = orderPaperTrail({ state, orderDate: '2026-11-30', promisedDate: '2026-12-20' }, today);
    let current: string = 'draft';
    let day = '2026-11-30';
    for (const step of trail.steps) {
      if (step.action === 'ship') {
        // Shipping is the shipment's action; it moves the order from ready.
        expect(current).toBe('ready');
      } else {
        const action = orderMachine.actions[step.action as keyof typeof orderMachine.actions];
        expect([step.action, (action.from as string[]).includes(current)]).toEqual([step.action, true]);
        expect([step.action, (action.roles as string[]).includes(step.role)]).toEqual([step.action, true]);
        if (action.inputRequires?.includes('comment')) expect(step.comment).toBeTruthy();
      }
      expect(step.from).toBe(current);
      expect(step.day >= day && step.day <= today).toBe(true);
      current = step.to;
      day = step.day;
    }
    expect(current).toBe(state);
    expect(trail.fields.version).toBe(1 + trail.steps.length);
    if (trail.fields.plannedFinish) {
      expect(trail.fields.plannedStart! <= trail.fields.plannedFinish).toBe(true);
      expect(trail.fields.plannedFinish <= '2026-12-20').toBe(true);
    }
    expect(trail.fields.heldFrom).toBe(state === 'on_hold' ? 'scheduled' : null);
  });
});
