import { idempotencyInProgress } from '../errors.js';
import type { CheckoutAddress } from '../index.js';
import type { IdempotencyRepository, KeyRecord, StoredResponse } from '../repositories/idempotency.repository.js';

/** What a placement decided on its first run and keeps for a retry that resumes it (never the provider's input). */
export interface AttemptPlan {
  cartId: string;
  lines: Array<{ variantId: string; quantity: number }>;
  email: string;
  customerId: string | null;
  shippingAddress: CheckoutAddress;
  billingAddress: CheckoutAddress | null;
  shippingCode: string;
  provider: string;
  /** The quote's grand total and currency: what the payment is for (the same on every retry). */
  amount: number;
  currency: string;
  /** Who places it (order history): `customer:<id>` or `guest`. */
  actor: string;
  confirmationUrl: string;
}

/** The progress of a placement, saved after each step with an outside effect. */
export interface AttemptState {
  /** The cart this attempt holds (and may have locked). */
  heldCartId?: string;
  plan?: AttemptPlan;
  /** Inventory reservation id per variant id. */
  reservations?: Record<string, string>;
  paymentId?: string;
  /** True once the order exists (kept in memory): from here on the attempt only finishes, it never undoes. */
  placed?: boolean;
}

/** The in-progress attempt that owns a key: its saves renew the lease and fail once another attempt took it over. */
export class Attempt {
  readonly state: AttemptState;

  constructor(readonly row: KeyRecord, private readonly keys: IdempotencyRepository, private readonly leaseSeconds: number) {
    this.state = structuredClone(row.state ?? {});
  }

  get orderId(): string {
    return this.row.orderId;
  }

  /** Saves progress; 409 `WZ_IDEMPOTENCY_IN_PROGRESS` when the lease was lost (the other attempt answers the key). */
  async save(patch: Partial<AttemptState>): Promise<void> {
    Object.assign(this.state, patch);
    if (!(await this.keys.saveState(this.row.id, this.row.attempt, this.state, this.leaseSeconds))) throw idempotencyInProgress(1);
  }

  /** Stores the final response of the key. */
  async complete(response: StoredResponse): Promise<void> {
    if (!(await this.keys.complete(this.row.id, this.row.attempt, response))) throw idempotencyInProgress(1);
  }

  /** Ends the lease now: a retry with the same key resumes this attempt at once. */
  endLease(): Promise<void> {
    return this.keys.endLease(this.row.id, this.row.attempt);
  }

  /** Deletes the key (only for attempts that left nothing behind): the same key may be sent again as new. */
  forget(): Promise<void> {
    return this.keys.forget(this.row.id, this.row.attempt);
  }
}
