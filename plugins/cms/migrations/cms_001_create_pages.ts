import type { Knex } from 'knex';

/** Content pages, one slug per store. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('slug').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable().defaultTo('');
    t.boolean('published').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'slug']);
    t.index(['store_id', 'published']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('pages');
}
