import type { Knex } from 'knex';

/** Categories per store, as a tree (`parent_id`); slugs are unique per store. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('categories', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('parent_id').nullable().references('id').inTable(`${schema}.categories`).onDelete('SET NULL');
    t.text('name').notNullable();
    t.text('slug').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'slug']);
    t.index(['store_id', 'parent_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('categories');
}
