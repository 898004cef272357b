import type { Knex } from 'knex';

/**
 * Per-store settings of orders: the tax rate (basis points, 2000 = 20 %) and whether prices include it; the order
 * number counter (the next number to hand out, from 1001); the flat shipping rates shoppers choose from.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.uuid('store_id').primary();
    t.integer('tax_rate_bp').notNullable().defaultTo(0);
    t.boolean('tax_inclusive').notNullable().defaultTo(false);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('alter table ??.settings add constraint settings_tax_check check (tax_rate_bp between 0 and 10000)', [
    schema,
  ]);
  await knex.schema.createTable('counters', (t) => {
    t.uuid('store_id').primary();
    t.integer('next_number').notNullable().defaultTo(1001);
  });
  await knex.schema.createTable('shipping_rates', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.bigInteger('amount').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'code']);
  });
  await knex.raw('alter table ??.shipping_rates add constraint shipping_rates_amount_check check (amount >= 0)', [
    schema,
  ]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('shipping_rates');
  await knex.schema.dropTable('counters');
  await knex.schema.dropTable('settings');
}
