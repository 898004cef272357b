import type { Knex } from 'knex';

/**
 * Products per store with a generated full-text vector (title weight A, description B) over accent-folded text,
 * options (size, colour…), images (cms media ids) and category links. Soft delete keeps history; a slug is unique
 * among a store's live products.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('products', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.text('title').notNullable();
    t.text('slug').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('status').notNullable().defaultTo('draft');
    t.boolean('featured').notNullable().defaultTo(false);
    t.jsonb('options').notNullable().defaultTo('[]');
    t.integer('min_price').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true }).nullable();
  });
  await knex.raw(
    `alter table ??.products add constraint products_status_check check (status in ('draft', 'active', 'archived'))`,
    [schema],
  );
  await knex.raw(
    `alter table ??.products add column search tsvector generated always as (
       setweight(to_tsvector('simple', ??.search_fold(title)), 'A') || setweight(to_tsvector('simple', ??.search_fold(description)), 'B')
     ) stored`,
    [schema, schema, schema],
  );
  await knex.raw(
    'create unique index products_store_slug_unique on ??.products (store_id, slug) where deleted_at is null',
    [schema],
  );
  await knex.raw('create index products_search on ??.products using gin (search)', [schema]);
  await knex.raw(
    'create index products_store_listing on ??.products (store_id, status, created_at desc) where deleted_at is null',
    [schema],
  );
  await knex.schema.createTable('product_images', (t) => {
    t.uuid('product_id').notNullable().references('id').inTable(`${schema}.products`).onDelete('CASCADE');
    t.uuid('media_id').notNullable();
    t.integer('position').notNullable();
    t.text('alt').notNullable().defaultTo('');
    t.primary(['product_id', 'media_id']);
  });
  await knex.schema.createTable('product_categories', (t) => {
    t.uuid('product_id').notNullable().references('id').inTable(`${schema}.products`).onDelete('CASCADE');
    t.uuid('category_id').notNullable().references('id').inTable(`${schema}.categories`).onDelete('CASCADE');
    t.primary(['product_id', 'category_id']);
    t.index(['category_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('product_categories');
  await knex.schema.dropTable('product_images');
  await knex.schema.dropTable('products');
}
