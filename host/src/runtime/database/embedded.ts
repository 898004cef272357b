import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { hostErrors, WizamartError } from '@wizamart/plugin-sdk';
import { PgliteServer, type EmbeddedLog } from './pglite-server.js';

export type { EmbeddedLog } from './pglite-server.js';

/** An in-process PostgreSQL (PGlite) reachable over TCP on 127.0.0.1, so pg and knex work unchanged. */
export interface EmbeddedPostgres {
  /** `postgres://…` URL of the socket server. */
  url: string;
  /** Where the data lives, or `memory://` for a throw-away database. */
  dataDir: string;
  /** How many connections the socket server accepts; the sum of every pool must stay within it. */
  maxConnections: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A folder, or `memory://` for a database that lives only as long as the process. */
  dataDir: string;
  maxConnections: number;
  /**
   * A connection holding the database idle inside a transaction this long is closed and rolled back (default
   * {@link IDLE_IN_TRANSACTION_MS}; 0 turns the guard off).
   */
  idleInTransactionMs?: number;
  /** Where refused connections and closed idle transactions are reported (default: the console). */
  log?: EmbeddedLog;
}

/**
 * PGlite runs one transaction at a time, so a client that stops half-way through one stops every other connection.
 * Far above any real transaction's pause between two queries, well below "the shop seems dead".
 */
export const IDLE_IN_TRANSACTION_MS = 30_000;

const consoleLog: EmbeddedLog = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

const LOCK_FILE = 'wizamart.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two hosts on one data folder would corrupt it. A pid lock file refuses the second one
 * with a clear error and is taken over when the process that wrote it is gone.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && processAlive(owner)) {
        const problem =
          `The embedded database in ${dataDir} is in use by process ${owner}; ` +
          'stop it, or set DATABASE_URL to share a PostgreSQL server between hosts';
        throw hostErrors.WZ_DB_UNAVAILABLE({ problem }, { details: { dataDir, pid: owner } });
      }
      rmSync(file, { force: true });
    }
  }
  const problem = `Cannot lock the embedded database folder ${dataDir}`;
  throw hostErrors.WZ_DB_UNAVAILABLE({ problem }, { details: { dataDir } });
}

/**
 * A fresh in-memory PGlite runs initdb first: about 3.5 s of CPU, paid by every test host and every CLI call on
 * `memory://`. The cluster initdb leaves is always the same for one PGlite version, so the first start keeps a copy
 * (a tarball in the OS temp folder, written atomically) and later ones load it instead (about 0.9 s). A copy that
 * cannot be read or loaded is dropped and the database is created the slow way.
 */
export const EMBEDDED_TEMPLATE = path.join(os.tmpdir(), `wizamart-pglite-${pgliteVersion()}.tar`);

/** The installed PGlite's version (its package.json is not among its exports, so it is found beside its entry). */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (path.dirname(dir) !== dir) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === '@electric-sql/pglite' && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level: go up.
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

async function createInMemory(): Promise<PGlite> {
  try {
    const template = new Blob([readFileSync(EMBEDDED_TEMPLATE)]);
    return await PGlite.create({ extensions: { unaccent }, loadDataDir: template });
  } catch {
    rmSync(EMBEDDED_TEMPLATE, { force: true });
  }
  const db = await PGlite.create({ extensions: { unaccent } });
  try {
    const cluster = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    const partial = `${EMBEDDED_TEMPLATE}.${process.pid}`;
    writeFileSync(partial, cluster);
    renameSync(partial, EMBEDDED_TEMPLATE);
  } catch {
    // Only a cache: the next start creates the database the slow way again.
  }
  return db;
}

/** Starts PGlite on `dataDir` behind the host's socket front ({@link PgliteServer}) on a free local port. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const inMemory = options.dataDir.startsWith('memory://');
  let unlock = () => {};
  if (!inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  try {
    const db = inMemory
      ? await createInMemory()
      : await PGlite.create({ dataDir: path.join(options.dataDir, 'pgdata'), extensions: { unaccent } });
    const server = new PgliteServer(db, {
      maxConnections: options.maxConnections,
      idleInTransactionMs: options.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS,
      log: options.log ?? consoleLog,
    });
    const address = await server.listen();
    return {
      url: `postgres://postgres@${address}/postgres?sslmode=disable`,
      dataDir: options.dataDir,
      maxConnections: options.maxConnections,
      async stop() {
        // Every connection has rolled back and let go of PGlite once this resolves.
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    if (error instanceof WizamartError) throw error;
    const problem = `The embedded database could not start in ${options.dataDir}: ${(error as Error).message}`;
    throw hostErrors.WZ_DB_UNAVAILABLE({ problem }, { details: { dataDir: options.dataDir }, cause: error });
  }
}
