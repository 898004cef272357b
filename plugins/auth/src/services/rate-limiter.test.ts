import { expect } from 'chai';
import { createRequestContext, isWizamartError } from '@wizamart/plugin-sdk';
import { createMemoryCounter } from './rate-limit.js';
import { createRateLimits } from './rate-limiter.js';

const fakeRequest = () => createRequestContext({ surface: 'storefront', clientIp: '10.0.0.1' });

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isWizamartError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('tenancy generic rate limits (RateLimits)', () => {
  const counter = createMemoryCounter();
  after(() => counter.close());
  const limits = createRateLimits(() => counter);
  const rule = (key: string, bucket = 'orders.lookup-ip') => ({ bucket, key, max: 2, windowSeconds: 60 });

  it('allows max hits per key and window, then answers 429 WZ_RATE_LIMITED with Retry-After and a neutral message', async () => {
    const req = fakeRequest();
    await limits.hit(req, rule('10.0.0.1'));
    await limits.hit(req, rule('10.0.0.1'));
    const error = await refusal(limits.hit(req, rule('10.0.0.1')));
    expect(error).to.include({ code: 'WZ_RATE_LIMITED', status: 429 });
    expect(error.message).to.equal('Too many requests; try again in 1 min').and.not.include('sign-in');
    expect(error.details.retryAfter).to.be.within(1, 60);
  });

  it('counts keys, buckets and sign-in keys apart', async () => {
    const req = fakeRequest();
    for (let i = 0; i < 2; i++) await limits.hit(req, rule('10.0.0.2'));
    await limits.hit(req, rule('10.0.0.3'));
    await limits.hit(req, rule('10.0.0.2', 'orders.lookup-number'));
    // The login limiter's IP key on the same counter is untouched.
    expect((await counter.hit('ip:10.0.0.2', 60)).count).to.equal(1);
  });

  it('takes a hit back with undo, so that only failures add up', async () => {
    const req = fakeRequest();
    for (let i = 0; i < 5; i++) {
      await limits.hit(req, rule('10.0.0.4'));
      await limits.undo(rule('10.0.0.4'));
    }
    await limits.hit(req, rule('10.0.0.4'));
    await limits.hit(req, rule('10.0.0.4'));
    expect((await refusal(limits.hit(req, rule('10.0.0.4')))).code).to.equal('WZ_RATE_LIMITED');
  });

  it('refuses malformed buckets and limits (a programming error, not a client one)', async () => {
    const req = fakeRequest();
    for (const bad of [
      { ...rule('k'), bucket: 'Orders:lookup' },
      { ...rule('k'), bucket: '' },
      { ...rule('k'), max: 0 },
      { ...rule('k'), windowSeconds: 1.5 },
    ]) {
      let thrown: unknown;
      await limits.hit(req, bad).catch((error: unknown) => (thrown = error));
      expect(thrown, JSON.stringify(bad)).to.be.instanceOf(TypeError);
    }
  });
});
