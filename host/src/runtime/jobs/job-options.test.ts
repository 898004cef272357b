import { expect } from 'chai';
import { attemptNumber, resolveJobOptions, retryDelay } from './job-options.js';

describe('job retry policy', () => {
  const options = { attempts: 4, backoffMs: 100 };

  it('doubles the delay after each failure and stops when the attempts are used up', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, options))).to.deep.equal([100, 200, 400, null]);
  });

  it('gives each occurrence of a repeating job a fresh budget after one ran out', () => {
    // agenda keeps the fail count when retries run out; the 5th failure is the first of a new occurrence.
    expect(attemptNumber(4, 4)).to.equal(1);
    expect(retryDelay(5, options)).to.equal(100);
  });

  it('never retries a job with a single attempt', () => {
    expect(retryDelay(1, { attempts: 1, backoffMs: 100 })).to.equal(null);
  });

  it('applies the documented defaults and rejects nonsense', () => {
    expect(resolveJobOptions('a.b')).to.deep.equal({
      concurrency: 5,
      attempts: 5,
      backoffMs: 5000,
      lockLifetimeMs: 600_000,
    });
    const code = 'WZ_PLUGIN_INVALID_ARGUMENT';
    expect(() => resolveJobOptions('a.b', { attempts: 0 }))
      .to.throw()
      .with.property('code', code);
    expect(() => resolveJobOptions('a.b', { backoffMs: -1 }))
      .to.throw()
      .with.property('code', code);
  });
});
