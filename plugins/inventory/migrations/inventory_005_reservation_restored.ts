import type { Knex } from 'knex';

/**
 * Reservations gain a last state, `restored`: a committed reservation whose units came back on hand (an order was
 * cancelled after the sale), recorded as a `returned` movement. `restored_at` says when.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.raw('alter table ??.reservations drop constraint reservations_check', [schema]);
  await knex.raw(
    `alter table ??.reservations add constraint reservations_check check (quantity > 0 and status in ('active', 'released', 'committed', 'restored'))`,
    [schema],
  );
  await knex.schema.alterTable('reservations', (t) => {
    t.timestamp('restored_at', { useTz: true }).nullable();
  });
}

export async function down(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.raw(`update ??.reservations set status = 'committed' where status = 'restored'`, [schema]);
  await knex.schema.alterTable('reservations', (t) => {
    t.dropColumn('restored_at');
  });
  await knex.raw('alter table ??.reservations drop constraint reservations_check', [schema]);
  await knex.raw(
    `alter table ??.reservations add constraint reservations_check check (quantity > 0 and status in ('active', 'released', 'committed'))`,
    [schema],
  );
}
