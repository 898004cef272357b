import type { OrderStatus } from './index.js';

/**
 * Types shared by this plugin's routes, services and repositories: the layers import them from here, not from each
 * other.
 */

/** Filters of the store's order list. */
export interface OrderFilter {
  status?: OrderStatus;
  /** Order number (`1001` or `#1001`), or part of the email, customer name or shipping name. */
  q?: string;
  /** Inclusive bounds on `placed_at` (`to` is exclusive: the day after the last day asked for). */
  from?: Date;
  to?: Date;
  customerId?: string;
  limit: number;
  offset: number;
}

/** What a store sets for a rate. */
export interface ShippingRateInput {
  code: string;
  name: string;
  amount: number;
  position: number;
  active: boolean;
}
