import type { Knex } from 'knex';

/**
 * Stock of a variant at a location. `reserved` is held for checkouts; the CHECKs make overselling impossible even for
 * a buggy caller: neither number goes below zero and no more can be reserved than is on hand.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('levels', (t) => {
    t.uuid('store_id').notNullable();
    t.uuid('variant_id').notNullable().references('id').inTable('catalog.variants').onDelete('CASCADE');
    t.uuid('location_id').notNullable().references('id').inTable(`${schema}.locations`).onDelete('CASCADE');
    t.integer('on_hand').notNullable().defaultTo(0);
    t.integer('reserved').notNullable().defaultTo(0);
    t.integer('low_threshold').notNullable().defaultTo(5);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['variant_id', 'location_id']);
    t.index(['store_id', 'variant_id']);
  });
  await knex.raw(
    'alter table ??.levels add constraint levels_stock_check check (on_hand >= 0 and reserved >= 0 and reserved <= on_hand and low_threshold >= 0)',
    [schema],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('levels');
}
