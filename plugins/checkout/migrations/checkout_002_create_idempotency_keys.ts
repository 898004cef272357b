import type { Knex } from 'knex';

/**
 * `idempotency_keys`: one row per (store, shopper scope, key) of `POST …/checkout/place`: the hash of the request,
 * `in_progress` → `completed` with the response (status and the exact JSON text), the order id chosen once for the
 * attempt, the attempt's progress (`state`: cart, lines, reservations, payment) so a retry can resume it, and a lease
 * (`locked_until`, fenced by `attempt`) after which a retry may take a crashed attempt over. Rows expire after 24 h.
 *
 * `placements`: which shopper scope placed which order, for the confirmation page.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('scope').notNullable();
    t.text('key').notNullable();
    t.text('request_hash').notNullable();
    t.text('status').notNullable().defaultTo('in_progress');
    t.integer('attempt').notNullable().defaultTo(1);
    t.uuid('order_id').notNullable();
    t.jsonb('state').notNullable().defaultTo('{}');
    t.integer('response_status').nullable();
    t.text('response_body').nullable();
    t.timestamp('locked_until', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'scope', 'key']);
    t.index(['status', 'locked_until']);
    t.index(['created_at']);
  });
  await knex.raw(
    `alter table ??.idempotency_keys add constraint idempotency_keys_status_check check (status in ('in_progress', 'completed'))`,
    [schema],
  );
  await knex.raw(
    `alter table ??.idempotency_keys add constraint idempotency_keys_response_check check ((status = 'completed') = (response_status is not null and response_body is not null))`,
    [schema],
  );
  await knex.schema.createTable('placements', (t) => {
    t.uuid('order_id').primary();
    t.uuid('store_id').notNullable();
    t.text('scope').notNullable();
    t.uuid('cart_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'scope']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('placements');
  await knex.schema.dropTable('idempotency_keys');
}
