import type { Knex } from 'knex';

// Foreign keys name the schema: the plugin schema is always `tenancy` (its code), and knex does not apply the
// bound schema to `inTable`.

/** Merchants, stores, domains, users, memberships, roles, settings, the audit log and revoked tokens. */
export async function up(knex: Knex): Promise<void> {
  const id = (t: Knex.CreateTableBuilder) => t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
  const timestamps = (t: Knex.CreateTableBuilder) => {
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  };
  await knex.schema.createTable('merchants', (t) => {
    id(t);
    t.text('name').notNullable();
    t.text('email');
    timestamps(t);
  });
  await knex.schema.createTable('stores', (t) => {
    id(t);
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.uuid('merchant_id').notNullable().references('id').inTable('tenancy.merchants').onDelete('RESTRICT');
    t.text('platform').notNullable().defaultTo('main');
    t.text('status').notNullable().defaultTo('active');
    t.specificType('currency', 'char(3)').notNullable().defaultTo('EUR');
    t.text('locale').notNullable().defaultTo('en');
    timestamps(t);
    t.check(`status in ('active', 'suspended')`, [], 'stores_status_check');
    t.index(['platform']);
    t.index(['merchant_id']);
  });
  await knex.schema.createTable('store_domains', (t) => {
    id(t);
    t.text('domain').notNullable().unique();
    t.uuid('store_id').notNullable().references('id').inTable('tenancy.stores').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id']);
  });
  await knex.schema.createTable('users', (t) => {
    id(t);
    t.text('email').notNullable().unique();
    t.text('name').notNullable();
    t.text('password_hash').notNullable();
    t.boolean('is_platform_admin').notNullable().defaultTo(false);
    timestamps(t);
  });
  await knex.schema.createTable('memberships', (t) => {
    id(t);
    t.uuid('user_id').notNullable().references('id').inTable('tenancy.users').onDelete('CASCADE');
    t.uuid('store_id').notNullable().references('id').inTable('tenancy.stores').onDelete('CASCADE');
    t.text('role').notNullable();
    timestamps(t);
    t.unique(['user_id', 'store_id']);
    t.index(['store_id']);
  });
  await knex.schema.createTable('roles', (t) => {
    id(t);
    t.uuid('store_id').notNullable().references('id').inTable('tenancy.stores').onDelete('CASCADE');
    t.text('name').notNullable();
    t.specificType('permissions', 'text[]').notNullable().defaultTo('{}');
    timestamps(t);
    t.unique(['store_id', 'name']);
  });
  await knex.schema.createTable('settings', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('audit_log', (t) => {
    id(t);
    t.uuid('actor_id');
    t.text('actor_email');
    t.text('actor_kind');
    t.uuid('store_id');
    t.text('action').notNullable();
    t.text('target');
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['at']);
    t.index(['store_id', 'at']);
  });
  await knex.schema.createTable('revoked_tokens', (t) => {
    t.text('jti').primary();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['revoked_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'revoked_tokens',
    'audit_log',
    'settings',
    'roles',
    'memberships',
    'users',
    'store_domains',
    'stores',
    'merchants',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
