/** Which tenant a job works for. Jobs without a platform work for the default platform `main`. */
export interface JobTarget {
  /** Platform code; runs are skipped while the plugin is disabled on it (default `main`). */
  platform?: string;
  /** Store code the run works for, if any. */
  store?: string;
}

/** What a job handler receives. */
export interface JobRun<T = unknown> {
  /** Stored job id (use it to read progress back with `ctx.jobs.status`). */
  readonly id: string;
  /** Full stored name, `<code>.<job>`. */
  readonly name: string;
  /** The data passed when the run was enqueued (`{}` when none). */
  readonly data: T;
  /** Platform the run works for (`main` when the enqueuer gave none). */
  readonly platform: string;
  /** Store the run works for, when the enqueuer gave one. */
  readonly store?: string;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /**
   * Reports progress (0–100, clamped) with an optional note; both are stored and read back by `ctx.jobs.status`.
   * Without a note the previous note of this attempt stays. Each call also renews the job's lock, so a long handler
   * that reports progress is not mistaken for a dead one. A new attempt starts with no progress and no note.
   */
  progress(percent: number, note?: string): Promise<void>;
}

/** How a job is run and retried. */
export interface JobOptions {
  /** Runs of this job at once per process (default 5); every host or worker process adds its own. */
  concurrency?: number;
  /** Total attempts before the job is marked failed for good (default 5). */
  attempts?: number;
  /** First retry delay; each later retry doubles it (default 5 s). */
  backoffMs?: number;
  /**
   * How long a run may hold its lock before another worker may take it over (default 10 min). A run that takes
   * longer must call `progress()` within each lifetime; otherwise it may be started again while it still runs, and
   * its later `progress()` calls throw.
   */
  lockLifetimeMs?: number;
}

/** The stored state of a job, as `ctx.jobs.status` reads it back. */
export interface JobStatus {
  /** The stored job id. */
  id: string;
  /** Full name, `<code>.<job>`. */
  name: string;
  /**
   * `scheduled`: waits for a later time (a repeating job between runs, too); `queued`: due, waiting for a worker;
   * `running`; `retrying`: the last attempt failed and a retry is scheduled; `completed`; `failed`: no attempt left.
   * A run skipped because the plugin is disabled on the job's platform counts as `completed`, with a note saying so.
   */
  state: 'scheduled' | 'queued' | 'running' | 'completed' | 'failed' | 'retrying';
  /** The latest reported percentage of the current (or last) attempt. */
  progress: number | null;
  /** The latest progress note of the current (or last) attempt. */
  note: string | null;
  /** Which attempt the latest run was (1 = first run); 0 before any run. */
  attempts: number;
  /** The message of the latest failure, kept after a later success. */
  lastError: string | null;
  /** When the job runs next (for a repeating job, its next occurrence); null when nothing is due. */
  nextRunAt: Date | null;
  /** When the latest attempt finished; null before any finished. */
  lastFinishedAt: Date | null;
}

/**
 * `ctx.jobs`: background jobs stored in PostgreSQL, named `<code>.<job>`, delivered at least once (handlers must be
 * safe to run twice), retried with exponential backoff, skipped for platforms where the plugin is disabled. Names
 * passed here are the short ones (`expire-carts`); the host prefixes the plugin code.
 *
 * @example
 * ```ts
 * ctx.jobs.define<{ cartId: string }>('expire-cart', async (job) => {
 *   await carts.expire(job.data.cartId);
 *   await job.progress(100, 'expired');
 * });
 * const id = await ctx.jobs.now('expire-cart', { cartId }, { platform: 'main', store: 'fashion' });
 * ```
 */
export interface PluginJobs {
  /** Defines a job handler; call it in `register`. */
  define<T = unknown>(name: string, handler: (job: JobRun<T>) => Promise<void> | void, options?: JobOptions): void;
  /** Enqueues a run now; resolves with the job id. */
  now<T = unknown>(name: string, data?: T, target?: JobTarget): Promise<string>;
  /**
   * Enqueues a run at a date, or a human time like `"in 5 minutes"` or `"tomorrow at noon"`. Prefer a `Date`: a
   * string the parser does not understand is read as "now".
   */
  schedule<T = unknown>(when: Date | string, name: string, data?: T, target?: JobTarget): Promise<string>;
  /**
   * Runs the job repeatedly (cron string or interval like `"15 minutes"`), one schedule per job and target: calling
   * it again for the same platform and store updates that schedule's data and interval instead of adding one, and
   * keeps its next run when the interval is unchanged — so it is safe to call at every start, on every host.
   */
  every<T = unknown>(interval: string, name: string, data?: T, target?: JobTarget): Promise<string>;
  /** Reads a job's state and progress back; `undefined` for an unknown id or a job of another plugin. */
  status(id: string): Promise<JobStatus | undefined>;
}
