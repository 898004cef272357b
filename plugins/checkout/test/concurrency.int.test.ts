import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootCheckout, createVariant, Guest, inBatches, onServer, staffToken, stockOf } from './helpers.js';

/**
 * Concurrency guarantees, on the PostgreSQL server (WIZAMART_TEST_DATABASE_URL) where concurrent requests really race
 * over the pool's connections. The embedded database runs one transaction at a time, so a race there proves nothing:
 * these tests are skipped without a server.
 */
const TITLE = 'checkout: concurrent placements on the PostgreSQL server';
describe(
  onServer
    ? TITLE
    : `${TITLE} (skipped: set WIZAMART_TEST_DATABASE_URL; the embedded database runs one transaction at a time, so a race there proves nothing)`,
  function () {
    this.timeout(600_000);
    let test: TestHost;
    let owner: string;

    before(async function () {
      if (!onServer) this.skip();
      test = await bootCheckout();
      owner = await staffToken(test, 'fashion');
    });
    after(async () => test?.stop());

    it('200 shoppers racing for the last 10 units get exactly 10 orders; stock ends at 0, never below', async () => {
      const last = await createVariant(test, owner, 'fashion', 'Last Ten', 1900, 10);
      const guests = await inBatches(Array.from({ length: 200 }), 10, async () => {
        const guest = new Guest(test, 'fashion');
        expect((await guest.add(last, 1)).status).to.equal(201);
        await guest.completeSteps();
        return guest;
      });
      // Watch the stock level while the race runs: it must never go below zero (nor below what is reserved).
      const seen: Array<{ onHand: number; reserved: number }> = [];
      let racing = true;
      const watcher = (async () => {
        while (racing) {
          seen.push(await stockOf(test, last));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const results = await Promise.all(guests.map((guest) => guest.place(randomUUID()).then((res) => res)));
      racing = false;
      await watcher;
      expect(seen.length).to.be.greaterThan(0);
      expect(
        seen.filter((level) => level.onHand < 0 || level.reserved < 0 || level.reserved > level.onHand),
        'stock seen below zero',
      ).to.deep.equal([]);
      const placed = results.filter((res) => res.status === 201);
      const refused = results.filter((res) => res.status !== 201);
      expect(placed, JSON.stringify(refused.find((res) => res.status !== 409)?.body)).to.have.length(10);
      for (const res of refused) {
        expect(res.status, JSON.stringify(res.body)).to.equal(409);
        expect(res.body.error.code).to.be.oneOf(['WZ_CHECKOUT_OUT_OF_STOCK', 'WZ_CHECKOUT_CART_NOT_READY']);
      }
      const orderIds = placed.map((res) => res.body.order.id as string);
      expect(new Set(orderIds).size).to.equal(10);
      const lines = await test
        .db('orders.order_lines')
        .where({ variant_id: last })
        .sum({ units: 'quantity' })
        .count({ orders: '*' })
        .first();
      expect([Number(lines?.orders), Number(lines?.units)]).to.deep.equal([10, 10]);
      expect(await stockOf(test, last)).to.deep.equal({ onHand: 0, reserved: 0 });
      const movements = await test
        .db('inventory.movements')
        .where({ variant_id: last, reason: 'sold' })
        .sum({ units: 'delta' })
        .first();
      expect(Number(movements?.units)).to.equal(-10);
      const payments = await test.db('payments.payments').whereIn('order_ref', orderIds).select('status');
      expect(payments.map((row) => row.status)).to.deep.equal(Array(10).fill('captured'));
      const losers = await test
        .db('payments.payments')
        .whereNotIn('order_ref', orderIds)
        .whereIn('order_ref', test.db('checkout.idempotency_keys').select(test.db.raw('order_id::text')))
        .count({ n: '*' })
        .first();
      expect(Number(losers?.n), 'nobody who got no order was charged').to.equal(0);
      // The refused shoppers' carts are open again (and hold the item the store no longer has).
      const statuses = await test
        .db('cart.carts')
        .whereIn('id', test.db('cart.lines').where({ variant_id: last }).select('cart_id'))
        .select('status');
      expect(statuses.filter((row) => row.status === 'converted')).to.have.length(10);
      expect(statuses.filter((row) => row.status === 'open')).to.have.length(190);
    });

    it('the same cart placed 20 times at once with one key gives one order and one payment, and one answer', async () => {
      const tee = await createVariant(test, owner, 'fashion', 'Twenty Times Tee', 2500, 50);
      const guest = new Guest(test, 'fashion');
      await guest.add(tee, 2);
      await guest.completeSteps();
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => guest.place(key).then((res) => res)));
      expect(
        results.map((res) => res.status),
        JSON.stringify(results.find((res) => res.status !== 201)?.body),
      ).to.deep.equal(Array(20).fill(201));
      expect(new Set(results.map((res) => res.text)).size, 'every 2xx answer is the same bytes').to.equal(1);
      expect(results.filter((res) => res.headers['idempotent-replayed'] === 'true')).to.have.length(19);
      const orderId = results[0].body.order.id as string;
      const orders = await test
        .db('orders.order_lines')
        .where({ variant_id: tee })
        .countDistinct({ n: 'order_id' })
        .first();
      expect(Number(orders?.n)).to.equal(1);
      expect(
        (await test.db('payments.payments').where({ order_ref: orderId }).select('status')).map((row) => row.status),
      ).to.deep.equal(['captured']);
      expect(await stockOf(test, tee)).to.deep.equal({ onHand: 48, reserved: 0 });
    });

    it('the same cart placed at once with different keys is placed once; the others are refused', async () => {
      const cap = await createVariant(test, owner, 'fashion', 'Different Keys Cap', 1200, 50);
      const guest = new Guest(test, 'fashion');
      await guest.add(cap, 1);
      await guest.completeSteps();
      const results = await Promise.all(Array.from({ length: 8 }, () => guest.place(randomUUID()).then((res) => res)));
      expect(results.filter((res) => res.status === 201)).to.have.length(1);
      for (const res of results.filter((other) => other.status !== 201)) {
        expect(res.status, JSON.stringify(res.body)).to.equal(409);
        expect(res.body.error.code).to.be.oneOf(['WZ_CHECKOUT_CART_BUSY', 'WZ_CHECKOUT_CART_EMPTY', 'WZ_CART_LOCKED']);
      }
      const orders = await test
        .db('orders.order_lines')
        .where({ variant_id: cap })
        .countDistinct({ n: 'order_id' })
        .first();
      expect(Number(orders?.n)).to.equal(1);
      expect(await stockOf(test, cap)).to.deep.equal({ onHand: 49, reserved: 0 });
    });
  },
);
