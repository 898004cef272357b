import type { Knex } from 'knex';

/** Shoppers per store: one email may belong to separate customers of different stores, never twice in one. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('customers', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('phone').nullable();
    t.text('password_hash').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_login_at', { useTz: true }).nullable();
    t.index(['store_id', 'created_at']);
  });
  await knex.raw('create unique index customers_store_email_unique on ??.customers (store_id, lower(email))', [schema]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('customers');
}
