import { hostErrors, type JobOptions } from '@wizamart/plugin-sdk';

/** {@link JobOptions} with every default applied. */
export type ResolvedJobOptions = Required<JobOptions>;

/** The defaults documented on {@link JobOptions}. */
export const JOB_DEFAULTS: ResolvedJobOptions = {
  concurrency: 5,
  attempts: 5,
  backoffMs: 5000,
  lockLifetimeMs: 10 * 60 * 1000,
};

function positiveInteger(name: string, key: keyof JobOptions, value: number, min: number): number {
  if (Number.isInteger(value) && value >= min) return value;
  const problem = `job ${name}: option ${key} must be an integer >= ${min}, not ${value}`;
  const details = { job: name, option: key };
  throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: pluginOfJob(name), problem }, { details });
}

/** The plugin a job belongs to: the `<code>` of `<code>.<job>`. */
export function pluginOfJob(name: string): string {
  return name.split('.')[0];
}

/** Applies the defaults and rejects nonsense (zero attempts, negative delays) when a job is defined. */
export function resolveJobOptions(name: string, options: JobOptions = {}): ResolvedJobOptions {
  const merged = { ...JOB_DEFAULTS, ...options };
  return {
    concurrency: positiveInteger(name, 'concurrency', merged.concurrency, 1),
    attempts: positiveInteger(name, 'attempts', merged.attempts, 1),
    backoffMs: positiveInteger(name, 'backoffMs', merged.backoffMs, 0),
    lockLifetimeMs: positiveInteger(name, 'lockLifetimeMs', merged.lockLifetimeMs, 1),
  };
}

/**
 * Which attempt the next run is, from agenda's fail count. agenda resets the count on success but not when retries
 * run out, so a repeating job that exhausted its retries once would never retry again; counting in cycles of
 * `attempts` gives every occurrence the full budget. One-off jobs never reach a second cycle: they stop when it ends.
 */
export function attemptNumber(failCount: number, attempts: number): number {
  return (failCount % attempts) + 1;
}

/**
 * The delay before retrying after the `failures`-th failure — `backoffMs`, then doubled each time — or `null` when
 * that failure used the last attempt. Used as agenda's backoff strategy and to label the outcome of a failed run, so
 * the two always agree.
 */
export function retryDelay(
  failures: number,
  options: Pick<ResolvedJobOptions, 'attempts' | 'backoffMs'>,
): number | null {
  const failedAttempt = attemptNumber(failures - 1, options.attempts);
  if (failedAttempt >= options.attempts) return null;
  return options.backoffMs * 2 ** (failedAttempt - 1);
}
