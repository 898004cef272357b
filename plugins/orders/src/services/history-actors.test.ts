import { expect } from 'chai';
import { createRequestContext } from '@wizamart/plugin-sdk';
import { historyActor, shopperActor, splitActor } from './history-actors.js';

describe('orders history actors', () => {
  it('splits a recorded actor at its first colon', () => {
    expect(splitActor('staff:8e26a1b2-0000-4000-8000-000000000001')).to.deep.equal({
      kind: 'staff',
      id: '8e26a1b2-0000-4000-8000-000000000001',
    });
    expect(splitActor('guest')).to.deep.equal({ kind: 'guest', id: '' });
    expect(splitActor('payments:acme:eu')).to.deep.equal({ kind: 'payments', id: 'acme:eu' });
  });

  it('shows shoppers themselves, the payment or the store, never who at the store', () => {
    expect(shopperActor('customer:f48f0000-0000-4000-8000-000000000002')).to.deep.equal({ kind: 'you' });
    expect(shopperActor('guest')).to.deep.equal({ kind: 'you' });
    expect(shopperActor('payments:test')).to.deep.equal({ kind: 'payment' });
    for (const actor of [
      'staff:8e26a1b2-0000-4000-8000-000000000001',
      'admin:1',
      'system',
      'unknown',
      'marketplace:import',
    ]) {
      expect(shopperActor(actor), actor).to.deep.equal({ kind: 'store' });
    }
  });

  it("records the context's actor: kind and id, else a guest on the storefront and the system elsewhere", () => {
    const staff = { kind: 'staff' as const, id: '8e26a1b2-0000-4000-8000-000000000001', permissions: ['*'] };
    expect(historyActor(createRequestContext({ surface: 'store', actor: staff }))).to.equal(`staff:${staff.id}`);
    expect(
      historyActor(createRequestContext({ surface: 'storefront', actor: { kind: 'customer', id: 'c1' } })),
    ).to.equal('customer:c1');
    expect(historyActor(createRequestContext({ surface: 'storefront' }))).to.equal('guest');
    expect(historyActor(createRequestContext({}))).to.equal('system');
  });
});
