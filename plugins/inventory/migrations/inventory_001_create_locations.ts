import type { Knex } from 'knex';

/** Stock locations per store (warehouses, shops); at most one is the store's default. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('locations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'code']);
  });
  await knex.raw('create unique index locations_one_default on ??.locations (store_id) where is_default', [schema]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('locations');
}
