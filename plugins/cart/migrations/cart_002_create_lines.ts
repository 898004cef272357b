import type { Knex } from 'knex';

/**
 * Lines of a cart: a variant and a quantity (1–99), plus a snapshot of what the shopper saw when adding it (title,
 * SKU, options, price) for display once the variant is gone. Totals never come from the snapshot. No foreign key into
 * catalog: a deleted variant leaves its line behind, flagged as unavailable, instead of vanishing from the cart.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('lines', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('cart_id').notNullable().references('id').inTable(`${schema}.carts`).onDelete('CASCADE');
    t.uuid('variant_id').notNullable();
    t.integer('quantity').notNullable();
    t.jsonb('snapshot').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['cart_id', 'variant_id']);
    t.index(['store_id', 'cart_id']);
  });
  await knex.raw('alter table ??.lines add constraint lines_quantity_check check (quantity between 1 and 99)', [
    schema,
  ]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('lines');
}
