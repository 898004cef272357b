import type { Knex } from 'knex';

/**
 * Carts per store: a guest cart is found by the SHA-256 of its cookie token, a customer cart by the customer id (at
 * most one open or locked cart per customer). `status` moves open → locked (checkout) → converted, or open → merged.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('carts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('token_hash').nullable();
    t.uuid('customer_id').nullable();
    t.text('currency').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.text('reference').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'updated_at']);
  });
  await knex.raw(
    `alter table ??.carts add constraint carts_status_check check (status in ('open', 'locked', 'converted', 'merged'))`,
    [schema],
  );
  await knex.raw(
    `alter table ??.carts add constraint carts_owner_check check (token_hash is not null or customer_id is not null)`,
    [schema],
  );
  // A token keeps its finished carts (converted, merged) and may start a new one: only one active cart per token.
  await knex.raw(
    `create unique index carts_one_active_per_token on ??.carts (store_id, token_hash) where token_hash is not null and status in ('open', 'locked')`,
    [schema],
  );
  await knex.raw(
    `create unique index carts_one_active_per_customer on ??.carts (store_id, customer_id) where customer_id is not null and status in ('open', 'locked')`,
    [schema],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('carts');
}
