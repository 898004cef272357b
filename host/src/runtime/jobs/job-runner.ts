import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Agenda, type Job } from 'agenda';
import { hostErrors, type JobStatus, type JobTarget } from '@wizamart/plugin-sdk';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { JobQueue } from '../../kernel/context.js';
import type { JobContribution } from '../../kernel/contributions.js';
import type { HostMetrics } from '../http/metrics.js';
import { createProcessor, type HandlerDeps } from './job-handler.js';
import { JOB_DEFAULTS, pluginOfJob, resolveJobOptions, retryDelay, type ResolvedJobOptions } from './job-options.js';
import {
  createJobPool,
  dbUnavailable,
  isConnectionError,
  openBackend,
  readJobRow,
  releaseLocks,
  updateSchedule,
} from './job-store.js';
import { isJobId, toJobStatus, toStoredData, type StoredJobData } from './stored-job.js';

/** How {@link JobRunner} reaches its database and the host. */
export interface JobRunnerOptions {
  /** `postgres://…` connection string (the embedded database's socket URL, or a server). */
  url: string;
  /** True on the embedded PGlite: one shared session, so no LISTEN/NOTIFY and no advisory locks. */
  embedded: boolean;
  /** The jobs plugins defined (`Contributions.jobs`); read on enqueue and by `startProcessing`. */
  definitions: () => JobContribution[];
  /** Whether `plugin` is enabled on `platform`; runs for a disabled pair are skipped. */
  isEnabled(platform: string, plugin: string): boolean;
  logger: Logger;
  metrics: HostMetrics;
  /** How often each worker polls for due jobs (default 1000 ms). On a server, NOTIFY also wakes it at once. */
  processEveryMs?: number;
  /** Connections of the runner's pool (default 3); on a server the LISTEN connection comes on top. */
  poolMax?: number;
  /** How long `stop()` waits for running handlers before releasing their jobs to other workers (default 8000 ms). */
  drainTimeoutMs?: number;
}

const DRAIN_TIMEOUT_MS = 8000;
const CHECK_TIMEOUT_MS = 2000;

const stopped = () => hostErrors.WZ_JOB_STOPPED();

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The host's job queue on agenda and PostgreSQL: plugins enqueue through {@link JobQueue}; every host (or
 * `wizamart worker`) that called {@link JobRunner.startProcessing} takes due jobs with `FOR UPDATE SKIP LOCKED`, so a
 * job enqueued once runs on one worker, and at least once (a crashed worker's jobs are retaken when their lock
 * expires).
 *
 * @example
 * const jobs = new JobRunner({ url, embedded, definitions: () => contributions.jobs, isEnabled, logger, metrics });
 * await jobs.connect();          // enqueueing works from here
 * await jobs.startProcessing();  // this process also runs jobs
 * await jobs.stop();             // drains, then closes the pool
 */
export class JobRunner implements JobQueue {
  /** Identifies this worker in `last_modified_by`, so `stop()` can tell its own locks apart. */
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<string>();
  private pool?: pg.Pool;
  private agenda?: Agenda;
  private processing = false;
  private stopped = false;
  private connecting?: Promise<void>;
  private stopping?: Promise<void>;

  constructor(private readonly options: JobRunnerOptions) {}

  /** Opens the pool and creates the job table; throws `WZ_DB_UNAVAILABLE` when the database cannot be reached. */
  connect(): Promise<void> {
    if (this.stopped) return Promise.reject(stopped());
    // Concurrent callers share one attempt; a failed attempt may be retried.
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const { url, embedded, logger } = this.options;
    const pool = createJobPool(url, embedded, this.options.poolMax ?? 3, logger);
    try {
      const backend = await openBackend(pool, embedded, logger);
      this.agenda = new Agenda({ backend, name: this.worker, processEvery: this.options.processEveryMs ?? 1000 });
    } catch (error) {
      await pool.end().catch(() => {});
      throw isConnectionError(error) ? dbUnavailable(error, 'Cannot open the job queue') : error;
    }
    // Lock and scan failures surface here (e.g. the database restarting); agenda retries on its next poll.
    this.agenda.on('error', (error: Error) => logger.warn({ err: error }, 'job processing error'));
    this.pool = pool;
  }

  /** Defines every contributed job and starts taking due jobs. Call after `connect()`, once plugins registered. */
  async startProcessing(): Promise<void> {
    const agenda = this.requireAgenda();
    if (this.processing) return;
    const deps: HandlerDeps = {
      pool: this.pool!,
      logger: this.options.logger,
      metrics: this.options.metrics,
      isEnabled: this.options.isEnabled,
      running: this.running,
    };
    for (const def of this.options.definitions()) this.define(agenda, def, deps);
    try {
      await agenda.start();
    } catch (error) {
      throw isConnectionError(error) ? dbUnavailable(error, 'Cannot start job processing') : error;
    }
    this.processing = true;
  }

  /**
   * Stops taking jobs, waits up to `drainTimeoutMs` (8 s) for running handlers, releases the jobs this worker still
   * holds and closes the pool. Handlers still running after the bound are not interrupted, but their jobs become due
   * at once for other workers. Idempotent.
   */
  stop(): Promise<void> {
    // Every caller waits for the same shutdown, not just the first one.
    return (this.stopping ??= this.shutdown());
  }

  private async shutdown(): Promise<void> {
    this.stopped = true;
    // A connect still under way would otherwise leave its pool open behind our back.
    await this.connecting?.catch(() => {});
    const { agenda, pool } = this;
    if (agenda && pool && this.processing) {
      const timeout = this.options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
      const result = await agenda.drain({ timeout });
      if (result.timedOut)
        this.options.logger.warn(
          { running: [...this.running] },
          `jobs still running after ${timeout} ms; released to other workers`,
        );
      await releaseLocks(pool, this.worker, [...this.running]).catch((error) =>
        this.options.logger.warn({ err: error }, 'could not release job locks; they expire with their lock lifetime'),
      );
    }
    this.processing = false;
    await pool?.end();
  }

  /**
   * Health check: `{ status: 'ok' }`, or throws when stopped (`WZ_JOB_STOPPED`) or unreachable (`WZ_DB_UNAVAILABLE`).
   */
  async check(): Promise<{ status: 'ok' }> {
    if (this.stopped || !this.pool) throw stopped();
    try {
      await withTimeout(this.pool.query('select 1'), CHECK_TIMEOUT_MS);
    } catch (error) {
      throw dbUnavailable(error, 'Job queue health check');
    }
    return { status: 'ok' };
  }

  /** Enqueues `name` (`<code>.<job>`) to run as soon as a worker is free; resolves with the job id. */
  async now(name: string, data: unknown, target: JobTarget): Promise<string> {
    const job = this.createJob(name, data, target).schedule(new Date());
    return this.save(job);
  }

  /** Enqueues `name` at a date or a human time such as `"in 5 minutes"` or `"tomorrow at noon"`. */
  async schedule(when: Date | string, name: string, data: unknown, target: JobTarget): Promise<string> {
    const job = this.createJob(name, data, target).schedule(when);
    const at = job.attrs.nextRunAt;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      const problem = `cannot schedule ${name} at "${String(when)}"`;
      const details = { when: String(when) };
      throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: pluginOfJob(name), problem }, { details });
    }
    return this.save(job);
  }

  /**
   * Repeats `name` on a cron string or human interval (`"15 minutes"`), once per target: calling it again for the
   * same job, platform and store updates that schedule (data and interval) instead of adding one, and keeps its next
   * run when the interval is unchanged. A unique index makes this hold when several hosts call it at once.
   */
  async every(interval: string, name: string, data: unknown, target: JobTarget): Promise<string> {
    const job = this.createJob(name, data, target).repeatEvery(interval);
    if (!job.attrs.nextRunAt) {
      const problem = `invalid interval "${interval}" for ${name}: use a cron string or e.g. "15 minutes"`;
      throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: pluginOfJob(name), problem }, { details: { interval } });
    }
    const { payload, targetKey } = job.attrs.data as StoredJobData;
    const update = () => updateSchedule(this.pool!, name, targetKey, payload, interval, job.attrs.nextRunAt!);
    return this.guard(async () => {
      const existing = await update();
      if (existing) return existing;
      try {
        return await this.save(job);
      } catch (error) {
        // Another host inserted the same schedule between our update and insert: update theirs instead.
        if ((error as { code?: string }).code !== '23505') throw error;
        const id = await update();
        if (id) return id;
        throw error;
      }
    });
  }

  /** Reads a job back; `undefined` for an unknown or malformed id, or a job that belongs to another plugin. */
  async status(id: string, plugin: string): Promise<JobStatus | undefined> {
    if (!isJobId(id)) return undefined;
    const pool = this.requirePool();
    const row = await this.guard(() => readJobRow(pool, id));
    if (!row || !row.name.startsWith(`${plugin}.`)) return undefined;
    const def = this.options.definitions().find((entry) => entry.name === row.name);
    return toJobStatus(row, Math.max(1, def?.options.attempts ?? JOB_DEFAULTS.attempts));
  }

  /** Defines one job; a job with invalid options is left undefined (its rows wait) rather than stopping all jobs. */
  private define(agenda: Agenda, def: JobContribution, deps: HandlerDeps): void {
    let options: ResolvedJobOptions;
    try {
      options = resolveJobOptions(def.name, def.options);
    } catch (error) {
      this.options.logger.error(
        { err: error, job: def.name, plugin: def.plugin },
        'job not processed: invalid job options',
      );
      return;
    }
    agenda.define(def.name, createProcessor(def, options, deps), {
      concurrency: options.concurrency,
      lockLifetime: options.lockLifetimeMs,
      backoff: (context) => retryDelay(context.attempt, options),
    });
  }

  private requirePool(): pg.Pool {
    if (this.stopped || !this.pool) throw stopped();
    return this.pool;
  }

  private requireAgenda(): Agenda {
    this.requirePool();
    return this.agenda!;
  }

  /** A job of a defined name with the target in its stored data; nothing is written yet. */
  private createJob(name: string, data: unknown, target: JobTarget): Job<unknown> {
    const agenda = this.requireAgenda();
    if (!this.options.definitions().some((def) => def.name === name)) {
      throw hostErrors.WZ_JOB_UNKNOWN({ name });
    }
    return agenda.create(name, toStoredData(data, target, name));
  }

  private async save(job: Job<unknown>): Promise<string> {
    await this.guard(() => job.save());
    return String(job.attrs._id);
  }

  /** Maps "database unreachable" errors to `WZ_DB_UNAVAILABLE`; other errors are bugs and pass unchanged. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isConnectionError(error) ? dbUnavailable(error, 'Job queue') : error;
    }
  }
}
