import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import pg from 'pg';
import { pino } from 'pino';
import type { JobOptions, JobRun } from '@wizamart/plugin-sdk';
import type { JobContribution } from '../../kernel/contributions.js';
import { createFreshDatabase } from '../../testing/test-host.js';
import { startEmbeddedPostgres } from '../database/embedded.js';
import { createMetrics, type HostMetrics } from '../http/metrics.js';
import { JobRunner, type JobRunnerOptions } from './job-runner.js';

interface TestDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const SERVER_URL = process.env.WIZAMART_TEST_DATABASE_URL;

async function embeddedDatabase(): Promise<TestDatabase> {
  const db = await startEmbeddedPostgres({ dataDir: 'memory://', maxConnections: 8 });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}

/** A fresh database on the test server, dropped (with its connections) afterwards. */
async function serverDatabase(baseUrl: string): Promise<TestDatabase> {
  const database = await createFreshDatabase(baseUrl, 'wz_jobs');
  return { url: database.url, embedded: false, stop: () => database.drop() };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function counted(metrics: HostMetrics, job: string, outcome: string): Promise<number> {
  const values = (await metrics.jobs.get()).values;
  return values.find((value) => value.labels.job === job && value.labels.outcome === outcome)?.value ?? 0;
}

/** A gate a handler waits on, opened by the test. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

let serial = 0;

function runnerSuite(kind: string, open: () => Promise<TestDatabase>, shareable: boolean) {
  describe(`JobRunner on ${kind}`, () => {
    let db: TestDatabase;
    let runners: JobRunner[] = [];
    let plugin: string;
    let logs: Array<{ level: number; msg: string; err?: { message: string } }>;

    before(async () => (db = await open()));
    after(async () => db?.stop());
    beforeEach(() => {
      // A plugin code per test: rows a previous test left behind have names no later runner defines.
      plugin = `p${++serial}`;
      logs = [];
    });
    afterEach(async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
      runners = [];
    });

    function job(
      name: string,
      handler: (run: JobRun) => Promise<void> | void,
      options: JobOptions = {},
    ): JobContribution {
      return { plugin, name: `${plugin}.${name}`, handler, options };
    }

    async function runner(jobs: JobContribution[], extra: Partial<JobRunnerOptions> = {}, process = true) {
      const stream = new Writable({ write: (line, _enc, done) => (logs.push(JSON.parse(String(line))), done()) });
      const metrics = createMetrics();
      const created = new JobRunner({
        url: db.url,
        embedded: db.embedded,
        definitions: () => jobs,
        isEnabled: () => true,
        logger: pino({ level: 'info' }, stream),
        metrics,
        processEveryMs: 100,
        ...extra,
      });
      runners.push(created);
      await created.connect();
      if (process) await created.startProcessing();
      return { runner: created, metrics };
    }

    it('runs a job once and hands the handler its platform, store and data', async () => {
      const runs: JobRun[] = [];
      const { runner: jobs, metrics } = await runner([job('work', (run) => void runs.push(run))]);
      const targeted = await jobs.now(`${plugin}.work`, { n: 1 }, { platform: 'p2', store: 's1' });
      const plain = await jobs.now(`${plugin}.work`, { n: 2 }, {});
      await eventually(() => runs.length === 2, 'both runs');
      await sleep(300); // a second run, if any, would happen within a few polls
      expect(runs).to.have.length(2);
      const byId = new Map(runs.map((run) => [run.id, run]));
      expect(byId.get(targeted)).to.include({ name: `${plugin}.work`, platform: 'p2', store: 's1', attempt: 1 });
      expect(byId.get(targeted)!.data).to.deep.equal({ n: 1 });
      expect(byId.get(plain)).to.include({ platform: 'main', store: undefined });
      expect(byId.get(plain)!.data).to.deep.equal({ n: 2 });
      await eventually(async () => (await jobs.status(plain, plugin))?.state === 'completed', 'completed state');
      expect(await counted(metrics, `${plugin}.work`, 'success')).to.equal(2);
      expect(
        (await metrics.jobDuration.get()).values.find((v) => v.metricName === 'wizamart_job_duration_seconds_count')
          ?.value,
      ).to.equal(2);
    });

    it('reads progress and its note back through status(), only for the owning plugin', async () => {
      const release = gate();
      let reported = false;
      const { runner: jobs } = await runner([
        job('import', async (run) => {
          await run.progress(40, 'halfway');
          reported = true;
          await release.opened;
          await run.progress(100, 'done');
        }),
      ]);
      const id = await jobs.now(`${plugin}.import`, {}, {});
      await eventually(() => reported, 'first progress report');
      expect(await jobs.status(id, plugin)).to.include({
        id,
        name: `${plugin}.import`,
        state: 'running',
        progress: 40,
        note: 'halfway',
        attempts: 1,
      });
      release.open();
      const done = await eventually(async () => {
        const status = await jobs.status(id, plugin);
        return status?.state === 'completed' ? status : undefined;
      }, 'completion');
      expect(done).to.include({ progress: 100, note: 'done', lastError: null, nextRunAt: null });
      expect(done.lastFinishedAt).to.be.instanceOf(Date);
      expect(await jobs.status(id, 'other')).to.equal(undefined);
      expect(await jobs.status('not-a-uuid', plugin)).to.equal(undefined);
      expect(await jobs.status(randomUUID(), plugin)).to.equal(undefined);
    });

    it('retries a failing job with doubling backoff, then marks it failed', async () => {
      const runs: Array<{ attempt: number; at: number }> = [];
      const name = `${plugin}.flaky`;
      const { runner: jobs, metrics } = await runner([
        job(
          'flaky',
          (run) => {
            runs.push({ attempt: run.attempt, at: Date.now() });
            throw new Error(`boom ${run.attempt}`);
          },
          { attempts: 3, backoffMs: 300 },
        ),
      ]);
      const id = await jobs.now(name, {}, {});
      await eventually(
        async () => runs.length === 1 && (await jobs.status(id, plugin))?.state === 'retrying',
        'retrying state',
      );
      const failed = await eventually(async () => {
        const status = await jobs.status(id, plugin);
        return status?.state === 'failed' ? status : undefined;
      }, 'failed state');
      expect(runs.map((run) => run.attempt)).to.deep.equal([1, 2, 3]);
      expect(runs[1].at - runs[0].at).to.be.at.least(300);
      expect(runs[2].at - runs[1].at).to.be.at.least(600);
      expect(failed).to.include({ attempts: 3, lastError: 'boom 3', nextRunAt: null });
      expect(await counted(metrics, name, 'retry')).to.equal(2);
      expect(await counted(metrics, name, 'failure')).to.equal(1);
      expect(logs.filter((line) => line.level === 40 && line.err?.message.startsWith('boom'))).to.have.length(2);
      expect(logs.filter((line) => line.level === 50 && line.err?.message === 'boom 3')).to.have.length(1);
    });

    it('skips runs for a platform where the plugin is disabled', async () => {
      const platforms: string[] = [];
      const { runner: jobs, metrics } = await runner([job('sync', (run) => void platforms.push(run.platform))], {
        isEnabled: (platform, code) => !(platform === 'off' && code === plugin),
      });
      const off = await jobs.now(`${plugin}.sync`, {}, { platform: 'off' });
      const on = await jobs.now(`${plugin}.sync`, {}, {});
      for (const id of [off, on])
        await eventually(async () => (await jobs.status(id, plugin))?.state === 'completed', 'completion');
      expect(platforms).to.deep.equal(['main']);
      expect(await counted(metrics, `${plugin}.sync`, 'skipped')).to.equal(1);
      expect(await counted(metrics, `${plugin}.sync`, 'success')).to.equal(1);
      expect((await jobs.status(off, plugin))?.note).to.match(/^skipped: .* disabled on platform off/);
      expect(logs.some((line) => line.level === 30 && /skipped/.test(line.msg))).to.equal(true);
    });

    it('keeps one schedule per job and target when every() is called again', async () => {
      const name = `${plugin}.digest`;
      const { runner: jobs } = await runner([job('digest', () => {})], {}, false);
      // At once, as several hosts declaring the schedule at boot would: still one row.
      const [first, ...racing] = await Promise.all([1, 2, 3].map(() => jobs.every('1 hour', name, { v: 1 }, {})));
      expect(racing).to.deep.equal([first, first]);
      const before = (await jobs.status(first, plugin))!.nextRunAt;
      await sleep(20);
      expect(await jobs.every('1 hour', name, { v: 2 }, { platform: 'main' })).to.equal(first);
      // Re-declaring an unchanged interval keeps the next run, so a restart does not trigger an extra run.
      expect((await jobs.status(first, plugin))!.nextRunAt).to.deep.equal(before);
      const other = await jobs.every('1 hour', name, { v: 3 }, { platform: 'p2' });
      const store = await jobs.every('2 hours', name, { v: 4 }, { store: 's1' });
      expect(new Set([first, other, store]).size).to.equal(3);
      await jobs.every('2 hours', name, { v: 5 }, {});
      const rows = await query<{ id: string; repeat_interval: string; data: { payload: unknown } }>(
        db.url,
        'select id, repeat_interval, data from wizamart_jobs where name = $1',
        [name],
      );
      expect(rows).to.have.length(3);
      const main = rows.find((row) => row.id === first)!;
      expect(main.repeat_interval).to.equal('2 hours');
      expect(main.data.payload).to.deep.equal({ v: 5 });
    });

    it('drains a running job on stop() and records its success', async () => {
      let finished = false;
      let started = false;
      const { runner: jobs, metrics } = await runner([
        job('slow', async () => {
          started = true;
          await sleep(700);
          finished = true;
        }),
      ]);
      const id = await jobs.now(`${plugin}.slow`, {}, {});
      await eventually(() => started, 'handler start');
      await jobs.stop();
      expect(finished).to.equal(true);
      expect(await counted(metrics, `${plugin}.slow`, 'success')).to.equal(1);
      await jobs.check().then(
        () => expect.fail('check() passed after stop()'),
        (error) => expect(error.code).to.equal('WZ_JOB_STOPPED'),
      );
      const { runner: reader } = await runner([], {}, false);
      expect((await reader.status(id, plugin))?.state).to.equal('completed');
    });

    it('hands jobs it still holds after a timed-out drain to the next worker', async () => {
      const release = gate();
      const runs: Array<{ id: string; worker: number }> = [];
      const slow = (worker: number) => async (run: JobRun) => {
        runs.push({ id: run.id, worker });
        if (worker === 1) await release.opened;
      };
      const { runner: first } = await runner([job('stuck', slow(1), { concurrency: 1 })], { drainTimeoutMs: 300 });
      const ids = [await first.now(`${plugin}.stuck`, { i: 1 }, {}), await first.now(`${plugin}.stuck`, { i: 2 }, {})];
      await eventually(() => runs.length === 1, 'first run');
      await first.stop();
      // One job was running past the drain bound, the other claimed but waiting for the concurrency slot.
      await runner([job('stuck', slow(2), { concurrency: 1 })]);
      await eventually(() => runs.filter((run) => run.worker === 2).length === 2, 'both jobs on the second worker');
      release.open();
      expect(
        runs
          .filter((run) => run.worker === 2)
          .map((run) => run.id)
          .sort(),
      ).to.deep.equal([...ids].sort());
    });

    it('validates what is enqueued and reports health', async () => {
      const { runner: jobs } = await runner([job('known', () => {})], {}, false);
      expect(await jobs.check()).to.deep.equal({ status: 'ok' });
      const unknown = await jobs.now(`${plugin}.missing`, {}, {}).catch((error) => error);
      expect(unknown).to.include({ code: 'WZ_JOB_UNKNOWN', status: 400 });
      const badInterval = await jobs.every('every blue moon', `${plugin}.known`, {}, {}).catch((error) => error);
      expect(badInterval).to.include({ code: 'WZ_PLUGIN_INVALID_ARGUMENT' });
      const badTarget = await jobs.now(`${plugin}.known`, {}, { platform: '' }).catch((error) => error);
      expect(badTarget).to.include({ code: 'WZ_PLUGIN_INVALID_ARGUMENT' });
      const later = await jobs.schedule('in 5 minutes', `${plugin}.known`, {}, {});
      const status = await jobs.status(later, plugin);
      expect(status?.state).to.equal('scheduled');
      expect(status!.nextRunAt!.getTime() - Date.now()).to.be.within(4 * 60_000, 5 * 60_000 + 1000);
    });

    // Only a server can be shared: the embedded database belongs to one process.
    if (shareable) {
      it('runs a job enqueued once exactly once with two runners on one database', async () => {
        const seen = new Map<string, number>();
        const handler = (run: JobRun) => void seen.set(run.id, (seen.get(run.id) ?? 0) + 1);
        const first = await runner([job('once', handler)]);
        const second = await runner([job('once', handler)]);
        const ids = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).runner.now(`${plugin}.once`, { i }, {})),
        );
        await eventually(() => seen.size === ids.length, 'all runs', 15_000);
        await sleep(400);
        expect(
          [...seen.values()].every((count) => count === 1),
          JSON.stringify([...seen.values()]),
        ).to.equal(true);
        const total =
          (await counted(first.metrics, `${plugin}.once`, 'success')) +
          (await counted(second.metrics, `${plugin}.once`, 'success'));
        expect(total).to.equal(ids.length);
      });
    }
  });
}

runnerSuite('the embedded database', embeddedDatabase, false);
if (SERVER_URL) runnerSuite('a PostgreSQL server', () => serverDatabase(SERVER_URL), true);
else describe('JobRunner on a PostgreSQL server', () => it.skip('needs WIZAMART_TEST_DATABASE_URL'));

describe('JobRunner without a database', () => {
  it('fails to connect with WZ_DB_UNAVAILABLE', async () => {
    const jobs = new JobRunner({
      url: 'postgres://postgres@127.0.0.1:1/none',
      embedded: true,
      definitions: () => [],
      isEnabled: () => true,
      logger: pino({ level: 'silent' }),
      metrics: createMetrics(),
    });
    const error = await jobs.connect().then(
      () => undefined,
      (thrown) => thrown,
    );
    expect(error).to.include({ code: 'WZ_DB_UNAVAILABLE', status: 503 });
  });
});
