import type { Knex } from 'knex';

/**
 * The checkout of one cart (store_id, cart_id): contact email, shipping and billing addresses, shipping code and
 * payment provider, each saved by its step. `placing_key_id` / `placing_until` hold the cart for the one placement
 * in progress (an idempotency key row and its lease), so two requests with different keys cannot place it twice.
 * No foreign key into `cart`: a plugin reaches another plugin's data only through its services.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', (t) => {
    t.uuid('store_id').notNullable();
    t.uuid('cart_id').notNullable();
    t.text('email').nullable();
    t.jsonb('shipping_address').nullable();
    t.boolean('billing_same_as_shipping').notNullable().defaultTo(true);
    t.jsonb('billing_address').nullable();
    t.text('shipping_code').nullable();
    t.text('payment_provider').nullable();
    t.uuid('placing_key_id').nullable();
    t.timestamp('placing_until', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['store_id', 'cart_id']);
    t.index(['updated_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
}
