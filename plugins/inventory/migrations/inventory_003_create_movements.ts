import type { Knex } from 'knex';

/** Every change of on-hand stock with its reason and who made it (kept when a variant is deleted). */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('movements', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('variant_id').notNullable();
    t.uuid('location_id').notNullable();
    t.integer('delta').notNullable();
    t.text('reason').notNullable();
    t.text('actor').notNullable();
    t.uuid('reservation_id').nullable();
    t.text('note').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'variant_id', 'created_at']);
  });
  await knex.raw(
    `alter table ??.movements add constraint movements_reason_check check (reason in ('received', 'adjusted', 'sold', 'returned', 'damaged', 'counted'))`,
    [schema],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('movements');
}
