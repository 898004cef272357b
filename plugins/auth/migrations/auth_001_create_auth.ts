import type { Knex } from 'knex';

async function exists(knex: Knex, table: string): Promise<boolean> {
  const { rows } = (await knex.raw('select to_regclass(?) as found', [table])) as { rows: Array<{ found: unknown }> };
  return rows[0]?.found != null;
}

/**
 * Revoked tokens and auth's settings (the generated JWT secret). Both used to live in the tenancy schema: their
 * rows are copied so that a signed-out token stays revoked and issued tokens stay valid across the upgrade.
 * Tenancy's old `revoked_tokens` and its `jwt_secret` setting are left in place; a later release drops them.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('revoked_tokens', (t) => {
    t.text('jti').primary();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['revoked_at']);
  });
  await knex.schema.createTable('settings', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
  if (await exists(knex, 'tenancy.revoked_tokens')) {
    await knex.raw(
      `insert into ?? (jti, expires_at, revoked_at)
       select jti, expires_at, revoked_at from tenancy.revoked_tokens where expires_at > now()
       on conflict (jti) do nothing`,
      [`${schema}.revoked_tokens`],
    );
  }
  if (await exists(knex, 'tenancy.settings')) {
    await knex.raw(
      `insert into ?? (key, value) select key, value from tenancy.settings where key = 'jwt_secret'
       on conflict (key) do nothing`,
      [`${schema}.settings`],
    );
  }
}

/** Drops auth's tables; tenancy's old ones were never touched, so a rollback finds the state it left. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('settings');
  await knex.schema.dropTableIfExists('revoked_tokens');
}
