/**
 * Shipments (出货) and what they owe: the shipment machine (planned → shipped → delivered, or
 * cancelled), the open quantity of each order line across all its shipments (never shipped twice),
 * the order's state after its shipments, and the receivable (应收) a shipment creates: its lines
 * at the order's prices, due after the customer's payment terms.
 */
import Decimal from 'decimal.js';
import { addDays } from './business-date';
import { Message, message } from './messages';
import { formatMoney } from './money';
import { Label, Machine } from './workflow/machine';

export const SHIPMENT_STATES = ['planned', 'shipped', 'delivered', 'cancelled'] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

export const SHIPMENT_STATE_LABELS: Record<ShipmentState, Label> = {
  planned: { en: 'Planned', zh: '待出货' },
  shipped: { en: 'Shipped', zh: '已出货' },
  delivered: { en: 'Delivered', zh: '已签收' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

export type ShipmentAction = 'ship' | 'deliver' | 'cancel';

const SHIPPERS = ['order-coordinator', 'sales-clerk'] as const;

export const shipmentMachine: Machine<ShipmentState, ShipmentAction, Record<string, unknown>> = {
  name: 'shipment',
  initial: 'planned',
  states: {
    planned: {},
    shipped: { mail: [{ template: 'shipment.shipped', to: { customer: true } }] },
    delivered: { final: true },
    cancelled: { final: true },
  },
  actions: {
    ship: { from: ['planned'], roles: SHIPPERS, to: 'shipped', subjectRequires: ['lines'] },
    deliver: { from: ['shipped'], roles: SHIPPERS, to: 'delivered' },
    cancel: { from: ['planned', 'shipped'], roles: [...SHIPPERS, 'cs-supervisor'], to: 'cancelled', inputRequires: ['comment'] },
  },
  verdicts: [],
};

/** States whose shipments count against the order's quantities. */
export const COUNTED_SHIPMENT_STATES: readonly ShipmentState[] = ['planned', 'shipped', 'delivered'];
export const GOODS_GONE_STATES: readonly ShipmentState[] = ['shipped', 'delivered'];

export interface OrderLineQuantity {
  key: string;
  quantity: number;
}

export interface ShipmentLineQuantity {
  line: string;
  quantity: number;
}

/** What each order line still has open, given the lines of the shipments that count. */
export const openQuantities = (orderLines: OrderLineQuantity[], shipped: ShipmentLineQuantity[]): Map<string, number> => {
  const open = new Map(orderLines.map((line) => [line.key, line.quantity]));
  for (const line of shipped) open.set(line.line, (open.get(line.line) ?? 0) - line.quantity);
  return open;
};

/** Problems with a shipment's lines against what is open: unknown lines, quantities above the open quantity. */
export interface OverShipment {
  index: number;
  field: 'line' | 'quantity';
  said: Message;
}

export const overShipments = (open: Map<string, number>, lines: ShipmentLineQuantity[]): OverShipment[] => {
  const asked = new Map<string, number>();
  return lines.flatMap((line, index): OverShipment[] => {
    if (!open.has(line.line)) return [{ index, field: 'line', said: message('shipment.no_order_line', { line: line.line }) }];
    asked.set(line.line, (asked.get(line.line) ?? 0) + line.quantity);
    const left = open.get(line.line)!;
    return asked.get(line.line)! > left
      ? [{ index, field: 'quantity', said: message('shipment.over_open', { left: Math.max(left, 0) }) }]
      : [];
  });
};

/** The order's state from how much of it has left: all → shipped, some → partially_shipped, none → ready. */
export const orderStateAfterShipping = (
  orderLines: OrderLineQuantity[],
  gone: ShipmentLineQuantity[]
): 'shipped' | 'partially_shipped' | 'ready' => {
  const left = openQuantities(orderLines, gone);
  const shippedSome = gone.some((line) => line.quantity > 0);
  if ([...left.values()].every((quantity) => quantity <= 0)) return 'shipped';
  return shippedSome ? 'partially_shipped' : 'ready';
};

/** The receivable of a shipment: its lines at the order's unit prices, due after the payment terms. */
export const receivableOf = (
  lines: { quantity: number; unitPrice: string | number }[],
  invoiceDate: string,
  paymentTermsDays: number
): { amount: string; dueDate: string } => ({
  amount: formatMoney(lines.reduce((sum, line) => sum.plus(new Decimal(String(line.unitPrice)).times(line.quantity)), new Decimal(0))),
  dueDate: addDays(invoiceDate, paymentTermsDays),
});
