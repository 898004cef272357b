import { PostgresBackend } from '@agendajs/postgres-backend';
import { hostErrors, type WizamartError } from '@wizamart/plugin-sdk';
import type { AgendaBackend } from 'agenda';
import pg from 'pg';
import type { Logger } from 'pino';
import type { JobRow } from './stored-job.js';

/**
 * The backend quotes `tableName` as ONE identifier (`"schema.table"` would be a table with a dot in its name), so
 * the job tables live in the connection's default schema (`public`) under a `wizamart_` prefix instead of in the
 * host's `wizamart` schema.
 */
export const JOBS_TABLE = 'wizamart_jobs';
/** agenda's optional event log table; the host does not enable that log, the name only keeps it out of `agenda_*`. */
export const JOB_LOGS_TABLE = 'wizamart_job_logs';
/** LISTEN/NOTIFY channel (server only). */
const CHANNEL = 'wizamart_jobs';
const SCHEMA_LOCK = 'wizamart.jobs.schema';
const T = `"${JOBS_TABLE}"`;

/**
 * One schedule per job and target: `every` updates the row this index finds, and two hosts booting at once cannot
 * both insert one (agenda's own `unique` option is a read-then-insert, which races).
 */
const SCHEDULE_INDEX = `CREATE UNIQUE INDEX IF NOT EXISTS "${JOBS_TABLE}_schedule_target_idx"
  ON ${T} (name, (data->>'targetKey')) WHERE repeat_interval IS NOT NULL`;

/**
 * The job runner's own pool. On a server the LISTEN client holds one connection for as long as processing runs, so
 * it gets a slot on top of `poolMax`. Nothing here sends `SET`: on the embedded database every connection shares one
 * session, and a setting would leak into all of them.
 */
export function createJobPool(url: string, embedded: boolean, poolMax: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: embedded ? poolMax : poolMax + 1,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its server emits on the pool; without a listener that would crash the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'job database connection lost'));
  return pool;
}

/** True for errors that mean "cannot reach or log in to the database" rather than a bad query. */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (/^(08|28|3D|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'].includes(code))
  )
    return true;
  return (
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated|after calling end on the pool/i.test(message)
  );
}

/** `WZ_DB_UNAVAILABLE` wrapping `error`. */
export function dbUnavailable(error: unknown, what: string): WizamartError {
  const problem = `${what}: the job database is unreachable (${(error as Error)?.message ?? error})`;
  return hostErrors.WZ_DB_UNAVAILABLE({ problem }, { details: {}, cause: error });
}

/**
 * Serialises schema creation between hosts booting together on a server: `CREATE ... IF NOT EXISTS` and the
 * backend's `CREATE OR REPLACE FUNCTION` fail when two sessions run them at once. The embedded database is one
 * process with one session, where an advisory lock is meaningless, so it is skipped there.
 */
async function withSchemaLock(pool: pg.Pool, embedded: boolean, work: () => Promise<void>): Promise<void> {
  if (embedded) return work();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [SCHEMA_LOCK]);
    await work();
  } finally {
    await client
      .query('select pg_advisory_unlock(hashtext($1))', [SCHEMA_LOCK])
      .catch((error: Error) => (broken = error));
    // Destroying a client whose unlock failed ends its session, which releases the lock anyway.
    client.release(broken ?? undefined);
  }
}

/**
 * Connects the backend (creating the tables) and wraps it so that agenda's constructor, which connects again and
 * leaves a failure unhandled, finds it connected already. `ownsConnection: false`: the runner closes its pool itself.
 */
export async function openBackend(pool: pg.Pool, embedded: boolean, logger: Logger): Promise<AgendaBackend> {
  const backend = new PostgresBackend({
    pool,
    tableName: JOBS_TABLE,
    logTableName: JOB_LOGS_TABLE,
    channelName: CHANNEL,
    // Cross-connection NOTIFY is meaningless when all connections are one session (embedded); polling covers it.
    disableNotifications: embedded,
  });
  await withSchemaLock(pool, embedded, async () => {
    await backend.connect();
    await pool.query(SCHEDULE_INDEX);
  });
  const channel = backend.notificationChannel as
    | (AgendaBackend['notificationChannel'] & { on?: (event: 'error', listener: (error: Error) => void) => void })
    | undefined;
  // The channel is an EventEmitter that emits 'error' on a lost LISTEN connection; unheard, that would crash.
  channel?.on?.('error', (error) => logger.warn({ err: error }, 'job notifications interrupted; polling continues'));
  return {
    name: backend.name,
    repository: backend.repository,
    notificationChannel: backend.notificationChannel,
    logger: backend.logger,
    ownsConnection: false,
    connect: async () => {},
    disconnect: () => backend.disconnect(),
  };
}

/** Reads one job row for `status`. */
export async function readJobRow(pool: pg.Pool, id: string): Promise<JobRow | undefined> {
  const result = await pool.query<JobRow>(`SELECT * FROM ${T} WHERE id = $1`, [id]);
  return result.rows[0];
}

/** Stores the progress note (agenda's touch() stores only the percentage and never writes `data`). */
export async function writeNote(pool: pg.Pool, id: string, note: string): Promise<void> {
  await pool.query(
    `UPDATE ${T} SET data = jsonb_set(COALESCE(data, '{}'), '{note}', to_jsonb($2::text)) WHERE id = $1`,
    [id, note],
  );
}

/** Marks the start of an attempt: records its number and clears the previous attempt's progress and note. */
export async function startAttempt(pool: pg.Pool, id: string, attempt: number): Promise<void> {
  await pool.query(
    `UPDATE ${T} SET progress = NULL,
       data = jsonb_set(jsonb_set(COALESCE(data, '{}'), '{attempt}', to_jsonb($2::int)), '{note}', 'null'::jsonb)
     WHERE id = $1`,
    [id, attempt],
  );
}

/**
 * After a drain, frees every row this worker still holds: jobs it claimed but never started keep their run time,
 * jobs whose handler is still running (the drain timed out) become due now, so another worker re-runs them at once
 * instead of after their lock lifetime (delivery is at-least-once; handlers are safe to run twice).
 */
export async function releaseLocks(pool: pg.Pool, worker: string, running: string[]): Promise<number> {
  const result = await pool.query(
    `UPDATE ${T} SET locked_at = NULL,
       next_run_at = CASE WHEN id = ANY($2::uuid[]) THEN NOW() ELSE next_run_at END
     WHERE locked_at IS NOT NULL AND last_modified_by = $1`,
    [worker, running],
  );
  return result.rowCount ?? 0;
}

/**
 * Updates the schedule of `name` for `targetKey` in place: new payload, new interval. The next run time is kept when
 * the interval is unchanged, so re-declaring a schedule at every boot does not make it run at every boot.
 */
export async function updateSchedule(
  pool: pg.Pool,
  name: string,
  targetKey: string,
  payload: unknown,
  interval: string,
  nextRunAt: Date,
): Promise<string | undefined> {
  const result = await pool.query<{ id: string }>(
    `UPDATE ${T} SET data = jsonb_set(COALESCE(data, '{}'), '{payload}', $3::jsonb),
       next_run_at = CASE WHEN repeat_interval = $4 AND next_run_at IS NOT NULL THEN next_run_at ELSE $5 END,
       repeat_interval = $4, disabled = FALSE
     WHERE name = $1 AND data->>'targetKey' = $2 AND repeat_interval IS NOT NULL
     RETURNING id`,
    [name, targetKey, JSON.stringify(payload), interval, nextRunAt],
  );
  return result.rows[0]?.id;
}
