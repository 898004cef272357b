import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { eventually, ON_SERVER, runtimeFixture } from './runtime-helpers.js';

// Two hosts can only share a database on a server: the embedded one belongs to a single process.
(ON_SERVER ? describe : describe.skip)('jobs with two hosts on one PostgreSQL server', () => {
  let first: TestHost;
  let second: TestHost;
  before(async () => {
    first = await startTestHost({ plugins: [runtimeFixture('ledger')], jobsProcessEveryMs: 50 });
    second = await startTestHost({
      plugins: [runtimeFixture('ledger')],
      database: { url: first.databaseUrl },
      jobsProcessEveryMs: 50,
    });
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('runs each job enqueued from a route exactly once', async () => {
    const labels = Array.from({ length: 30 }, (_, i) => `run-${i}`);
    const apps = [first.app, second.app];
    const ids = await Promise.all(
      labels.map(
        async (label, i) =>
          (
            await request(apps[i % 2])
              .post('/api/v1/admin/ledger/count')
              .send({ label })
              .expect(202)
          ).body.id as string,
      ),
    );
    expect(new Set(ids).size).to.equal(labels.length);
    await eventually(
      async () => {
        const done = await first
          .db('wizamart_jobs')
          .whereIn('id', ids)
          .whereNotNull('last_finished_at')
          .count('* as n')
          .first();
        return Number(done?.n) === labels.length ? true : undefined;
      },
      20_000,
      'all jobs to finish',
    );
    // Wait one more polling round so a duplicate run, if any, would have happened.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows: Array<{ label: string }> = await first.db('ledger.entries').select('label');
    expect(rows.map((row) => row.label).sort()).to.deep.equal(labels.map((label) => `${label}@main/-`).sort());
  });
});
