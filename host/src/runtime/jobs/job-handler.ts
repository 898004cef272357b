import { hostErrors, type JobRun } from '@wizamart/plugin-sdk';
import type { Job } from 'agenda';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { JobContribution } from '../../kernel/contributions.js';
import type { HostMetrics } from '../http/metrics.js';
import { attemptNumber, pluginOfJob, retryDelay, type ResolvedJobOptions } from './job-options.js';
import { startAttempt, writeNote } from './job-store.js';
import { fromStoredData, type StoredJobData } from './stored-job.js';

/** What a wrapped handler needs from its runner. */
export interface HandlerDeps {
  pool: pg.Pool;
  logger: Logger;
  metrics: HostMetrics;
  isEnabled(platform: string, plugin: string): boolean;
  /** Ids whose handler is running in this process; the runner releases them if a drain times out. */
  running: Set<string>;
}

type Processor = (job: Job) => Promise<void>;

async function reportProgress(deps: HandlerDeps, job: Job, percent: number, note?: string): Promise<void> {
  if (!Number.isFinite(percent)) {
    const problem = `job ${job.attrs.name}: progress must be a number from 0 to 100, not ${percent}`;
    throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: pluginOfJob(job.attrs.name), problem });
  }
  // touch() also renews the lock, so a handler reporting progress is never taken for a dead one.
  await job.touch(Math.min(100, Math.max(0, percent)));
  if (note !== undefined) await writeNote(deps.pool, String(job.attrs._id), String(note));
}

function toJobRun(deps: HandlerDeps, job: Job, name: string, stored: StoredJobData, attempt: number): JobRun<unknown> {
  return Object.freeze({
    id: String(job.attrs._id),
    name,
    data: stored.payload,
    platform: stored.platform,
    store: stored.store ?? undefined,
    attempt,
    progress: (percent: number, note?: string) => reportProgress(deps, job, percent, note),
  });
}

async function skip(deps: HandlerDeps, def: JobContribution, id: string, platform: string, log: Logger): Promise<void> {
  log.info({ plugin: def.plugin }, `job skipped: ${def.plugin} is disabled on platform ${platform}`);
  deps.metrics.jobs.inc({ job: def.name, outcome: 'skipped' });
  // A skip completes the run as far as agenda is concerned; the note tells a UI why nothing happened.
  await writeNote(deps.pool, id, `skipped: ${def.plugin} is disabled on platform ${platform}`);
}

/** Counts and logs a failed run as `retry` (warn) or, when no attempt is left, `failure` (error). */
function recordFailure(
  deps: HandlerDeps,
  def: JobContribution,
  options: ResolvedJobOptions,
  failures: number,
  error: Error,
  log: Logger,
): void {
  const delay = retryDelay(failures, options);
  const attempt = attemptNumber(failures - 1, options.attempts);
  if (delay === null) {
    deps.metrics.jobs.inc({ job: def.name, outcome: 'failure' });
    log.error({ err: error, attempt }, `job failed after ${attempt} attempt(s); no retries left`);
  } else {
    deps.metrics.jobs.inc({ job: def.name, outcome: 'retry' });
    log.warn(
      { err: error, attempt, retryInMs: delay },
      `job attempt ${attempt} of ${options.attempts} failed; retrying`,
    );
  }
}

/**
 * Wraps a plugin's handler for agenda: skips platforms where the plugin is disabled, hands the handler a
 * {@link JobRun}, and records metrics and logs. Failures are rethrown: agenda stores them and schedules the retry.
 */
export function createProcessor(def: JobContribution, options: ResolvedJobOptions, deps: HandlerDeps): Processor {
  return async (job) => {
    const id = String(job.attrs._id);
    const stored = fromStoredData(job.attrs.data);
    const log = deps.logger.child({
      job: def.name,
      jobId: id,
      platform: stored.platform,
      store: stored.store ?? undefined,
    });
    if (!deps.isEnabled(stored.platform, def.plugin)) return skip(deps, def, id, stored.platform, log);
    const failCount = job.attrs.failCount ?? 0;
    const attempt = attemptNumber(failCount, options.attempts);
    await startAttempt(deps.pool, id, attempt);
    // Keep agenda's copy in step, or its next state save would write the old attempt's progress back.
    job.attrs.progress = undefined;
    deps.running.add(id);
    const endTimer = deps.metrics.jobDuration.startTimer({ job: def.name });
    try {
      await def.handler(toJobRun(deps, job, def.name, stored, attempt));
      deps.metrics.jobs.inc({ job: def.name, outcome: 'success' });
    } catch (thrown) {
      // agenda stores `error.message`; a thrown non-Error would otherwise reach the text column as an object.
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      recordFailure(deps, def, options, failCount + 1, error, log);
      throw error;
    } finally {
      endTimer();
      deps.running.delete(id);
    }
  };
}
