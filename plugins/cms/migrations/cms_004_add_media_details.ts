import type { Knex } from 'knex';

/** Alt text and pixel size of a media item (read from the bytes at upload; unknown for items uploaded before). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('media', (t) => {
    t.text('alt').notNullable().defaultTo('');
    t.integer('width');
    t.integer('height');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('media', (t) => {
    t.dropColumn('alt');
    t.dropColumn('width');
    t.dropColumn('height');
  });
}
