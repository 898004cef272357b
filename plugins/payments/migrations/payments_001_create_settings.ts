import type { Knex } from 'knex';

/** Per-store payment settings: the providers offered and the webhook signing secret. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.uuid('store_id').primary();
    // null: the platform default (config `defaultProviders`).
    t.specificType('providers', 'text[]').nullable();
    t.text('webhook_secret').notNullable();
    t.timestamp('secret_rotated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('settings');
}
