import { expect } from 'chai';
import { startTestHost } from '../src/testing/test-host.js';
import { runtimeFixture } from './runtime-helpers.js';

const FIXTURE = runtimeFixture('failing-seed');
const runs = () => (globalThis as { wzFailingSeedRuns?: number }).wzFailingSeedRuns ?? 0;

describe('startTestHost seeds', () => {
  it('runs the seed sets it is given once the host is up', async () => {
    const before = runs();
    const test = await startTestHost({ plugins: [FIXTURE], seeds: ['fine'] });
    try {
      expect(runs()).to.equal(before + 1);
    } finally {
      await test.stop();
    }
  });

  it('throws the failing seed’s error (having stopped the host) instead of returning a half-seeded host', async () => {
    const failure = await startTestHost({ plugins: [FIXTURE], seeds: ['fine', 'broken'] }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal('the seed exploded');
  });
});
