import type { Knex } from 'knex';

/** One theme per store; a store without a row uses the default theme. */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('themes', (t) => {
    t.uuid('store_id').primary();
    t.string('primary_color', 7).notNullable();
    t.string('accent_color', 7).notNullable();
    t.string('background_color', 7).notNullable();
    t.string('text_color', 7).notNullable();
    t.text('font').notNullable();
    // Deleting the logo's media item leaves the store without a logo rather than failing.
    t.uuid('logo_media_id').nullable().references('id').inTable(`${schema}.media`).onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('themes');
}
