import { expect } from 'chai';
import { canonicalJson, parseIdempotencyKey, pollDelays, requestHash, shopperScope } from './idempotency.js';

describe('checkout idempotency helpers', () => {
  it('accepts 1 to 255 printable characters as a key and refuses anything else', () => {
    for (const key of ['a', '6f1c1f1e-2f2a-4c55-9d77-0c1f3b1e9a10', 'order attempt #1', 'x'.repeat(255)])
      expect(parseIdempotencyKey(key)).to.equal(key);
    for (const key of [undefined, '', ' lead', 'trail ', 'x'.repeat(256), 'tab\there', 'new\nline', 'é', ['a', 'b']]) {
      expect(() => parseIdempotencyKey(key), JSON.stringify(key))
        .to.throw()
        .with.property('code', 'WZ_IDEMPOTENCY_KEY_REQUIRED');
    }
  });

  it('writes the same canonical JSON whatever the key order, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).to.equal(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).to.equal('null');
  });

  it('hashes method, operation and body: equal requests match, any difference does not', () => {
    const base = requestHash('POST', '/checkout/place', {
      payment: { input: { cardNumber: '4242' } },
      expectedTotal: 100,
    });
    expect(
      requestHash('post', '/checkout/place', { expectedTotal: 100, payment: { input: { cardNumber: '4242' } } }),
    ).to.equal(base);
    expect(
      requestHash('POST', '/checkout/place', { payment: { input: { cardNumber: '4000' } }, expectedTotal: 100 }),
    ).not.to.equal(base);
    expect(requestHash('POST', '/checkout/place', { payment: { input: { cardNumber: '4242' } } })).not.to.equal(base);
    expect(
      requestHash('PUT', '/checkout/place', { payment: { input: { cardNumber: '4242' } }, expectedTotal: 100 }),
    ).not.to.equal(base);
  });

  it('scopes keys to the customer, else to a hash of the guest token', () => {
    expect(shopperScope({ customerId: 'c1', guestToken: 't' })).to.equal('customer:c1');
    const guest = shopperScope({ guestToken: 'secret-token' })!;
    expect(guest)
      .to.match(/^guest:[0-9a-f]{64}$/)
      .and.not.to.include('secret-token');
    expect(shopperScope({})).to.equal(undefined);
  });

  it('polls with a doubling backoff capped at 400 ms within the wait', () => {
    const delays = pollDelays(10_000);
    expect(delays.slice(0, 6)).to.deep.equal([25, 50, 100, 200, 400, 400]);
    expect(delays.reduce((a, b) => a + b, 0)).to.equal(10_000);
    expect(pollDelays(60)).to.deep.equal([25, 35]);
  });
});
