import type { Knex } from 'knex';

/**
 * Orders, their lines and their status history. The id is chosen by the caller (checkout), so a retried placement
 * finds the same row. Lines snapshot what was sold (title, SKU, options, unit price) so later catalog changes do not
 * rewrite history. CHECKs keep the arithmetic honest: line total = unit price × quantity, and the grand total adds the
 * tax only when prices exclude it. No foreign keys into catalog: a deleted variant leaves its order lines intact.
 */
export async function up(knex: Knex, { schema }: { schema: string }): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    t.uuid('id').primary();
    t.uuid('store_id').notNullable();
    t.integer('number').notNullable();
    t.text('status').notNullable();
    t.text('email').notNullable();
    t.uuid('customer_id').nullable();
    t.text('customer_name').nullable();
    t.text('currency').notNullable();
    t.bigInteger('subtotal').notNullable();
    t.bigInteger('shipping_total').notNullable();
    t.bigInteger('tax_total').notNullable();
    t.bigInteger('grand_total').notNullable();
    t.boolean('tax_inclusive').notNullable();
    t.integer('tax_rate_bp').notNullable();
    t.text('shipping_code').notNullable();
    t.text('shipping_name').notNullable();
    t.jsonb('shipping_address').notNullable();
    t.jsonb('billing_address').nullable();
    t.uuid('payment_id').nullable();
    t.text('tracking_number').nullable();
    t.text('note').nullable();
    t.jsonb('source').notNullable().defaultTo('{}');
    t.timestamp('placed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['store_id', 'number']);
    t.index(['store_id', 'placed_at']);
    t.index(['store_id', 'status', 'placed_at']);
    t.index(['store_id', 'customer_id', 'placed_at']);
  });
  await knex.raw(
    `alter table ??.orders add constraint orders_status_check check (status in ('pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded'))`,
    [schema],
  );
  await knex.raw(
    `alter table ??.orders add constraint orders_totals_check check (
    subtotal >= 0 and shipping_total >= 0 and tax_total >= 0
    and grand_total = subtotal + shipping_total + case when tax_inclusive then 0 else tax_total end)`,
    [schema],
  );
  await knex.raw('create index orders_email_idx on ??.orders (store_id, lower(email))', [schema]);

  await knex.schema.createTable('order_lines', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('order_id').notNullable().references('id').inTable(`${schema}.orders`).onDelete('CASCADE');
    t.integer('position').notNullable();
    t.uuid('variant_id').notNullable();
    t.text('product_title').notNullable();
    t.text('product_slug').notNullable();
    t.text('sku').notNullable();
    t.jsonb('option_values').notNullable().defaultTo('{}');
    t.integer('quantity').notNullable();
    t.bigInteger('unit_price').notNullable();
    t.bigInteger('line_total').notNullable();
    t.uuid('reservation_id').nullable();
    t.unique(['order_id', 'position']);
    t.index(['store_id', 'order_id']);
  });
  await knex.raw(
    'alter table ??.order_lines add constraint order_lines_amount_check check (quantity > 0 and unit_price >= 0 and line_total = unit_price * quantity)',
    [schema],
  );

  await knex.schema.createTable('order_status_history', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('store_id').notNullable();
    t.uuid('order_id').notNullable().references('id').inTable(`${schema}.orders`).onDelete('CASCADE');
    t.text('from_status').nullable();
    t.text('to_status').notNullable();
    t.text('actor').notNullable();
    t.text('note').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['store_id', 'order_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('order_status_history');
  await knex.schema.dropTable('order_lines');
  await knex.schema.dropTable('orders');
}
