import type { Knex } from 'knex';

/** Units held for a checkout: active until released (back to available) or committed (taken from stock). */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('reservations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('variant_id').notNullable();
    t.uuid('location_id').notNullable();
    t.integer('quantity').notNullable();
    t.text('status').notNullable().defaultTo('active');
    t.text('reference').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.index(['store_id', 'status', 'expires_at']);
  });
  await knex.raw(
    `alter table ??.reservations add constraint reservations_check check (quantity > 0 and status in ('active', 'released', 'committed'))`,
    [schema],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reservations');
}
