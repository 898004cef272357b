import type { PluginContext } from '@wizamart/plugin-sdk';

type Db = PluginContext['db'];

/** Notes per platform. The host runs this against this plugin's own schema (`__schema__`). */
export async function up(knex: Db): Promise<void> {
  await knex.schema.createTable('notes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('platform').notNullable();
    t.text('text').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['platform', 'created_at']);
  });
}

export async function down(knex: Db): Promise<void> {
  await knex.schema.dropTable('notes');
}
