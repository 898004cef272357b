import type { Knex } from 'knex';

/** Payments (status machine), their history, and the webhook event ids already processed. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('payments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('order_ref').notNullable();
    t.text('provider').notNullable();
    t.text('status').notNullable();
    t.bigInteger('amount').notNullable();
    t.specificType('currency', 'char(3)').notNullable();
    t.bigInteger('captured_amount').notNullable().defaultTo(0);
    t.bigInteger('refunded_amount').notNullable().defaultTo(0);
    t.text('provider_reference').nullable();
    t.text('failure_code').nullable();
    t.text('failure_message').nullable();
    t.text('idempotency_key').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'created_at']);
    t.index(['store_id', 'order_ref']);
    t.index(['provider', 'provider_reference']);
  });
  await knex.raw(
    `alter table ??.payments add constraint payments_check check (
    amount > 0 and captured_amount >= 0 and captured_amount <= amount and refunded_amount >= 0 and refunded_amount <= captured_amount
    and status in ('pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'cancelled'))`,
    [schema],
  );
  // Null keys are distinct, so payments without a key never collide; a plain unique index lets ON CONFLICT infer it.
  await knex.raw('create unique index payments_idempotency on ??.payments (store_id, idempotency_key)', [schema]);

  await knex.schema.createTable('payment_events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('payment_id').notNullable().references('id').inTable(`${schema}.payments`).onDelete('CASCADE');
    t.uuid('store_id').notNullable();
    t.text('type').notNullable();
    t.text('from_status').nullable();
    t.text('to_status').notNullable();
    t.bigInteger('amount').nullable();
    t.text('outcome').notNullable();
    t.text('message').nullable();
    t.text('actor').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.raw('clock_timestamp()'));
    t.index(['payment_id', 'created_at']);
  });

  await knex.schema.createTable('webhook_events', (t) => {
    t.text('provider').notNullable();
    t.text('event_id').notNullable();
    t.uuid('store_id').notNullable();
    t.uuid('payment_id').nullable();
    t.text('type').notNullable();
    t.text('result').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['provider', 'event_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhook_events');
  await knex.schema.dropTable('payment_events');
  await knex.schema.dropTable('payments');
}
