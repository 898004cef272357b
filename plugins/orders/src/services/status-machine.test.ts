import { expect } from 'chai';
import type { OrderStatus } from '../index.js';
import { actionsFor, canMove, ORDER_STATUSES } from './status-machine.js';

describe('orders: status machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = ORDER_STATUSES.flatMap((from) =>
      ORDER_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).to.have.members([
      'pending_payment→paid',
      'pending_payment→cancelled',
      'paid→fulfilled',
      'paid→cancelled',
      'paid→refunded',
      'fulfilled→delivered',
      'fulfilled→refunded',
      'delivered→refunded',
    ]);
  });

  it('never leaves a final status and never stays in place', () => {
    for (const to of ORDER_STATUSES) {
      expect(canMove('cancelled', to)).to.equal(false);
      expect(canMove('refunded', to)).to.equal(false);
      expect(canMove(to, to)).to.equal(false);
    }
  });

  it('offers the actions that fit the status', () => {
    const cases: Array<[OrderStatus, string[]]> = [
      ['pending_payment', ['mark-paid', 'cancel']],
      ['paid', ['fulfil', 'cancel', 'refund']],
      ['fulfilled', ['deliver', 'refund']],
      ['delivered', ['refund']],
      ['cancelled', []],
      ['refunded', []],
    ];
    for (const [status, actions] of cases) expect(actionsFor(status), status).to.deep.equal(actions);
  });
});
