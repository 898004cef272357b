import type { Knex } from 'knex';

/** Addresses of a customer; at most one is the default. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('addresses', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('customer_id').notNullable().references('id').inTable(`${schema}.customers`).onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('line1').notNullable();
    t.text('line2').nullable();
    t.text('postal_code').notNullable();
    t.text('city').notNullable();
    t.text('region').nullable();
    t.string('country', 2).notNullable();
    t.text('phone').nullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'customer_id']);
  });
  await knex.raw('create unique index addresses_one_default on ??.addresses (customer_id) where is_default', [schema]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('addresses');
}
