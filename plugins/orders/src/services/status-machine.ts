import type { OrderStatus } from '../index.js';

/** Every status, in the order the lifecycle goes. */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'paid',
  'fulfilled',
  'delivered',
  'cancelled',
  'refunded',
];

/**
 * Where an order may go from each status. `cancelled` and `refunded` are final. Cancelling a paid order refunds its
 * payment in full; a fulfilled order is refunded, not cancelled (the goods have left).
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled', 'refunded'],
  fulfilled: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** The store actions of the order page and API, and the status each one leads to. */
export const ACTION_TARGETS = {
  'mark-paid': 'paid',
  fulfil: 'fulfilled',
  deliver: 'delivered',
  cancel: 'cancelled',
  refund: 'refunded',
} as const satisfies Record<string, OrderStatus>;

export type OrderAction = keyof typeof ACTION_TARGETS;

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The actions a store can take on an order in `status` (what the order page offers). */
export function actionsFor(status: OrderStatus): OrderAction[] {
  return (Object.keys(ACTION_TARGETS) as OrderAction[]).filter((action) => canMove(status, ACTION_TARGETS[action]));
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
