import { hostErrors, isUuid, type JobStatus, type JobTarget } from '@wizamart/plugin-sdk';
import { DEFAULT_PLATFORM } from '../database/host-schema.js';
import { attemptNumber, pluginOfJob } from './job-options.js';

/**
 * What the host stores in agenda's `data` column. The plugin's data sits under `payload`, next to the target and
 * the host's bookkeeping, rather than sharing one object with reserved keys: any JSON value can be job data, and no
 * plugin key can collide with the host's. Handlers only ever see `payload`.
 */
export interface StoredJobData {
  payload: unknown;
  platform: string;
  store: string | null;
  /** `["<platform>","<store>"]` (store `null` when absent): one value to compare for the per-target `every`. */
  targetKey: string;
  /** The note of the latest `progress()` call of the current attempt. */
  note: string | null;
  /** Which attempt the latest run was (1 = first run); 0 before any run. */
  attempt: number;
}

/** The columns of agenda's job table that {@link toJobStatus} reads. */
export interface JobRow {
  id: string;
  name: string;
  data: unknown;
  next_run_at: Date | null;
  locked_at: Date | null;
  last_run_at: Date | null;
  last_finished_at: Date | null;
  failed_at: Date | null;
  fail_count: number | null;
  fail_reason: string | null;
  repeat_interval: string | null;
  progress: number | null;
}

/** Job ids are UUIDs; anything else is answered as "no such job" instead of reaching Postgres as a cast error. */
export function isJobId(id: unknown): id is string {
  return isUuid(id);
}

function targetPart(value: unknown, key: keyof JobTarget, job: string): string | undefined {
  if (value === undefined || (typeof value === 'string' && value.length > 0)) return value;
  const problem = `job ${job}: target ${key} must be a non-empty string`;
  throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: pluginOfJob(job), problem }, { details: { [key]: value } });
}

/** The stored form of a plugin's data for `target` (platform defaults to `main`). */
export function toStoredData(data: unknown, target: JobTarget = {}, job = 'a job'): StoredJobData {
  const platform = targetPart(target.platform, 'platform', job) ?? DEFAULT_PLATFORM;
  const store = targetPart(target.store, 'store', job) ?? null;
  return {
    payload: data ?? null,
    platform,
    store,
    targetKey: JSON.stringify([platform, store]),
    note: null,
    attempt: 0,
  };
}

/** Reads the envelope back; a row written without one (e.g. by agenda directly) counts as `main` with raw data. */
export function fromStoredData(data: unknown): StoredJobData {
  const stored = data as Partial<StoredJobData> | null;
  if (
    stored &&
    typeof stored === 'object' &&
    typeof stored.targetKey === 'string' &&
    typeof stored.platform === 'string'
  ) {
    return {
      payload: stored.payload ?? null,
      platform: stored.platform,
      store: stored.store ?? null,
      targetKey: stored.targetKey,
      note: stored.note ?? null,
      attempt: stored.attempt ?? 0,
    };
  }
  return toStoredData(data);
}

const newer = (a: Date | null, b: Date | null) => Boolean(a) && (!b || a!.getTime() >= b.getTime());

/** agenda's fail() stamps failedAt and lastFinishedAt alike; a later success moves only lastFinishedAt. */
function lastRunFailed(row: JobRow): boolean {
  return newer(row.failed_at, row.last_finished_at);
}

/** Locked rows are either running or merely claimed by a worker's local queue; run() stamps lastRunAt on start. */
function hasStarted(row: JobRow): boolean {
  return (
    Boolean(row.last_run_at) && (!row.last_finished_at || row.last_run_at!.getTime() > row.last_finished_at.getTime())
  );
}

/** The state a UI shows, derived from agenda's timestamps (agenda has no state column). */
export function jobState(row: JobRow, attempts: number, now = new Date()): JobStatus['state'] {
  if (row.locked_at) return hasStarted(row) ? 'running' : 'queued';
  if (row.next_run_at) {
    // A repeating job whose retries ran out waits for its next occurrence: scheduled, not retrying.
    if (lastRunFailed(row) && attemptNumber(row.fail_count ?? 0, attempts) > 1) return 'retrying';
    return row.next_run_at.getTime() > now.getTime() ? 'scheduled' : 'queued';
  }
  return lastRunFailed(row) ? 'failed' : 'completed';
}

/** Maps a row to the SDK's {@link JobStatus}; `attempts` is the job's configured attempt budget. */
export function toJobStatus(row: JobRow, attempts: number, now = new Date()): JobStatus {
  const stored = fromStoredData(row.data);
  return {
    id: row.id,
    name: row.name,
    state: jobState(row, attempts, now),
    progress: row.progress ?? null,
    note: stored.note,
    attempts: stored.attempt,
    lastError: row.fail_reason ?? null,
    nextRunAt: row.next_run_at ?? null,
    lastFinishedAt: row.last_finished_at ?? null,
  };
}
