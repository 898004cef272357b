import type { Knex } from 'knex';
import type { AttemptState, KeyRecord, StoredResponse } from '../model.js';

interface KeyRow extends Omit<KeyRecord, 'response'> {
  responseStatus: number | null;
  responseBody: string | null;
}

const lease = (knex: Knex, seconds: number) => knex.raw('now() + make_interval(secs => ?)', [seconds]);

/** `checkout.idempotency_keys` and `checkout.placements`. Writes by an attempt are fenced by its `attempt` number. */
export class IdempotencyRepository {
  constructor(
    private readonly knex: () => Knex,
    private readonly ttlHours: number,
  ) {}

  private get db(): Knex {
    return this.knex();
  }

  private columns(): Array<string | Knex.Raw> {
    return [
      'id as id',
      'store_id as storeId',
      'scope as scope',
      'key as key',
      'request_hash as requestHash',
      'status as status',
      'attempt as attempt',
      'order_id as orderId',
      'state as state',
      'response_status as responseStatus',
      'response_body as responseBody',
      this.db.raw('locked_until < now() as "leaseLapsed"'),
      this.db.raw('created_at < now() - make_interval(hours => ?) as "expired"', [this.ttlHours]),
    ];
  }

  private record(row: KeyRow | undefined): KeyRecord | undefined {
    if (!row) return undefined;
    const { responseStatus, responseBody, ...rest } = row;
    return {
      ...rest,
      response:
        responseStatus !== null && responseBody !== null ? { status: responseStatus, body: responseBody } : null,
    };
  }

  /** Inserts a new in-progress key with its lease; undefined when the key exists already (the unique index decides). */
  async insert(input: {
    storeId: string;
    scope: string;
    key: string;
    requestHash: string;
    orderId: string;
    leaseSeconds: number;
  }): Promise<KeyRecord | undefined> {
    const [row] = await this.db('idempotency_keys')
      .insert({
        store_id: input.storeId,
        scope: input.scope,
        key: input.key,
        request_hash: input.requestHash,
        order_id: input.orderId,
        locked_until: lease(this.db, input.leaseSeconds),
      })
      .onConflict(['store_id', 'scope', 'key'])
      .ignore()
      .returning(this.columns());
    return this.record(row as KeyRow | undefined);
  }

  async find(storeId: string, scope: string, key: string): Promise<KeyRecord | undefined> {
    return this.record(
      await this.db('idempotency_keys').where({ store_id: storeId, scope, key }).first(this.columns()),
    );
  }

  /** Takes over an in-progress key whose lease lapsed (a crashed or stalled attempt): the next attempt number. */
  async takeOver(id: string, leaseSeconds: number): Promise<KeyRecord | undefined> {
    const [row] = await this.db('idempotency_keys')
      .where({ id, status: 'in_progress' })
      .where('locked_until', '<', this.db.fn.now())
      .update({
        attempt: this.db.raw('attempt + 1'),
        locked_until: lease(this.db, leaseSeconds),
        updated_at: this.db.fn.now(),
      })
      .returning(this.columns());
    return this.record(row as KeyRow | undefined);
  }

  /** Saves the attempt's progress and renews its lease; false when another attempt took the key over. */
  async saveState(id: string, attempt: number, state: AttemptState, leaseSeconds: number): Promise<boolean> {
    const updated = await this.db('idempotency_keys')
      .where({ id, attempt, status: 'in_progress' })
      .update({
        state: JSON.stringify(state),
        locked_until: lease(this.db, leaseSeconds),
        updated_at: this.db.fn.now(),
      });
    return updated > 0;
  }

  /** Stores the final response; false when another attempt took the key over. */
  async complete(id: string, attempt: number, response: StoredResponse): Promise<boolean> {
    const updated = await this.db('idempotency_keys').where({ id, attempt, status: 'in_progress' }).update({
      status: 'completed',
      response_status: response.status,
      response_body: response.body,
      updated_at: this.db.fn.now(),
    });
    return updated > 0;
  }

  /** Ends the lease at once, so that a retry may resume the attempt without waiting for it to lapse. */
  async endLease(id: string, attempt: number): Promise<void> {
    await this.db('idempotency_keys')
      .where({ id, attempt, status: 'in_progress' })
      .update({ locked_until: this.db.fn.now(), updated_at: this.db.fn.now() });
  }

  /** Deletes an in-progress key that left nothing behind, so the same key may be sent again as new. */
  async forget(id: string, attempt: number): Promise<void> {
    await this.db('idempotency_keys').where({ id, attempt, status: 'in_progress' }).delete();
  }

  /** Deletes a completed key past its expiry (a new request with the same key then starts afresh). */
  async deleteIfExpired(id: string): Promise<void> {
    await this.db('idempotency_keys')
      .where({ id, status: 'completed' })
      .where('created_at', '<', this.db.raw('now() - make_interval(hours => ?)', [this.ttlHours]))
      .delete();
  }

  /** Deletes every completed key past its expiry; returns how many. */
  async deleteExpired(): Promise<number> {
    return this.db('idempotency_keys')
      .where({ status: 'completed' })
      .where('created_at', '<', this.db.raw('now() - make_interval(hours => ?)', [this.ttlHours]))
      .delete();
  }

  /** In-progress keys whose lease lapsed more than `graceSeconds` ago: attempts nobody came back for. */
  async abandoned(graceSeconds: number, limit: number): Promise<KeyRecord[]> {
    const rows = await this.db('idempotency_keys')
      .where({ status: 'in_progress' })
      .where('locked_until', '<', this.db.raw('now() - make_interval(secs => ?)', [graceSeconds]))
      .orderBy('locked_until')
      .limit(limit)
      .select(this.columns());
    return (rows as KeyRow[]).map((row) => this.record(row)!);
  }

  /** Records that `scope` placed `orderId` (idempotent). */
  async recordPlacement(storeId: string, orderId: string, scope: string, cartId: string): Promise<void> {
    await this.db('placements')
      .insert({ store_id: storeId, order_id: orderId, scope, cart_id: cartId })
      .onConflict('order_id')
      .ignore();
  }

  /** True when `scope` placed order `orderId` of the store. */
  async placedBy(storeId: string, orderId: string, scope: string): Promise<boolean> {
    return Boolean(
      await this.db('placements').where({ store_id: storeId, order_id: orderId, scope }).first('order_id'),
    );
  }
}
