import type { Order } from '../index.js';
import { shopperActor } from '../services/history-actors.js';

/**
 * An order as its shopper sees it (account history, guest lookup): no internal ids (customer, payment, reservations,
 * store). The history says who made each step only as `by.kind` `you`, `store` or `payment` — who at the store
 * changed it is the store's business; notes are shown.
 */
export function shopperOrder(order: Order) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    currency: order.currency,
    subtotal: order.subtotal,
    shippingTotal: order.shippingTotal,
    taxTotal: order.taxTotal,
    grandTotal: order.grandTotal,
    taxInclusive: order.taxInclusive,
    taxRateBasisPoints: order.taxRateBasisPoints,
    shipping: order.shipping,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    trackingNumber: order.trackingNumber,
    lines: order.lines.map(({ reservationId: _reservation, id: _id, ...line }) => line),
    history: order.history.map(({ actor, ...entry }) => ({ ...entry, by: shopperActor(actor) })),
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
  };
}

export type ShopperOrder = ReturnType<typeof shopperOrder>;
