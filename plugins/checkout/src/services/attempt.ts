import { idempotencyInProgress } from '../errors.js';
import type { AttemptState, KeyRecord, StoredResponse } from '../model.js';
import type { IdempotencyRepository } from '../repositories/idempotency.repository.js';

/** The in-progress attempt that owns a key: its saves renew the lease and fail once another attempt took it over. */
export class Attempt {
  readonly state: AttemptState;

  constructor(
    readonly row: KeyRecord,
    private readonly keys: IdempotencyRepository,
    private readonly leaseSeconds: number,
  ) {
    this.state = structuredClone(row.state ?? {});
  }

  get orderId(): string {
    return this.row.orderId;
  }

  /** Saves progress; 409 `WZ_IDEMPOTENCY_IN_PROGRESS` when the lease was lost (the other attempt answers the key). */
  async save(patch: Partial<AttemptState>): Promise<void> {
    Object.assign(this.state, patch);
    if (!(await this.keys.saveState(this.row.id, this.row.attempt, this.state, this.leaseSeconds)))
      throw idempotencyInProgress(1);
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
