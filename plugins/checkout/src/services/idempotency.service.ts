import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { idempotencyInProgress, idempotencyMismatch } from '../errors.js';
import type { KeyRecord, StoredResponse } from '../model.js';
import type { IdempotencyRepository } from '../repositories/idempotency.repository.js';
import { Attempt } from './attempt.js';
import { pollDelays } from './idempotency.js';

/** How long attempts hold a key and how long a request waits for another one with the same key. */
export interface IdempotencySettings {
  leaseSeconds: number;
  waitMs: number;
}

/** The key of a request: store, shopper scope, the header value and the request's hash. */
export interface KeyRef {
  storeId: string;
  scope: string;
  key: string;
  requestHash: string;
}

/** What entering a key gives: the attempt that owns it, or the response stored for it. */
export type Entry = { attempt: Attempt } | { replay: StoredResponse };

/**
 * The idempotency key gate of the placement. The first request with a key inserts it (the unique index decides
 * among concurrent ones) and owns it; the others wait for its response, polling with backoff. A different request
 * hash is refused, a completed key replays its response, and an attempt whose lease lapsed is taken over.
 */
export class IdempotencyGate {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly settings: IdempotencySettings,
  ) {}

  async enter(key: KeyRef): Promise<Entry> {
    const delays = pollDelays(this.settings.waitMs);
    let inserting = true;
    for (let poll = 0; ;) {
      if (inserting) {
        const inserted = await this.keys.insert({
          ...key,
          orderId: randomUUID(),
          leaseSeconds: this.settings.leaseSeconds,
        });
        if (inserted) return { attempt: this.attempt(inserted) };
      }
      const row = await this.keys.find(key.storeId, key.scope, key.key);
      // Gone (an attempt that left nothing behind forgot it) or expired: the key is new again.
      inserting = !row || (row.status === 'completed' && row.expired);
      if (!row) continue;
      if (inserting) {
        await this.keys.deleteIfExpired(row.id);
        continue;
      }
      if (row.requestHash !== key.requestHash) throw idempotencyMismatch();
      if (row.response) return { replay: row.response };
      const taken = row.leaseLapsed ? await this.keys.takeOver(row.id, this.settings.leaseSeconds) : undefined;
      if (taken) return { attempt: this.attempt(taken) };
      if (poll >= delays.length) throw idempotencyInProgress(1);
      await sleep(delays[poll++]);
    }
  }

  /** Takes over an abandoned key for the recovery job (undefined when someone else got it first). */
  async takeOver(row: KeyRecord): Promise<Attempt | undefined> {
    const taken = await this.keys.takeOver(row.id, this.settings.leaseSeconds);
    return taken ? this.attempt(taken) : undefined;
  }

  private attempt(row: KeyRecord): Attempt {
    return new Attempt(row, this.keys, this.settings.leaseSeconds);
  }
}
