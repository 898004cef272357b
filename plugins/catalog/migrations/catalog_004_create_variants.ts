import type { Knex } from 'knex';

/** Variants of a product: one per combination of option values, SKU unique per store, price in minor units. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('variants', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('product_id').notNullable().references('id').inTable(`${schema}.products`).onDelete('CASCADE');
    t.text('sku').notNullable();
    t.jsonb('option_values').notNullable().defaultTo('{}');
    t.integer('price').notNullable();
    t.string('currency', 3).notNullable();
    t.integer('compare_at_price').nullable();
    t.integer('weight_grams').nullable();
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['product_id', 'position']);
  });
  await knex.raw(
    'alter table ??.variants add constraint variants_price_check check (price >= 0 and (compare_at_price is null or compare_at_price >= 0))',
    [schema],
  );
  await knex.raw('create unique index variants_store_sku_unique on ??.variants (store_id, lower(sku))', [schema]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('variants');
}
