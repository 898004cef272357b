import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { hostErrors } from '@wizamart/plugin-sdk';
import type { Kernel } from '../kernel/kernel.js';
import type { HostConfig } from './config.js';
import type { Database } from './database/connection.js';
import type { EnablementService } from './enablement/service.js';
import type { EnablementStore } from './enablement/store.js';
import type { HealthService } from './health.js';
import type { HostMetrics } from './http/metrics.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { ErrorReporter } from './sentry.js';

/** Seconds spent in each boot step. */
export type BootTimings = Record<
  'discover' | 'resolve' | 'import' | 'register' | 'migrate' | 'start' | 'total',
  number
>;

/** A booted host. */
export interface RunningHost {
  kernel: Kernel;
  database: Database;
  jobs: JobRunner;
  metrics: HostMetrics;
  health: HealthService;
  enablement: EnablementStore;
  /** Per-platform enable/disable with plans, audit and propagation to other hosts. */
  enablementChanges: EnablementService;
  /** The express app (absent in worker mode). */
  app?: Express;
  timings: BootTimings;
  logger: Logger;
  /** True once booted, false again as soon as shutdown begins. */
  readonly ready: boolean;
  /** Serves the app on `port` (0 picks one) and resolves with its URL. */
  listen(port: number, host?: string): Promise<{ url: string; server: Server }>;
  /** True when this boot met a new database (the first-boot rule applied). */
  firstBoot: boolean;
  /** Runs every plugin's seeds of `set` in dependency order and returns the lines they report. */
  runSeeds(set: string): Promise<string[]>;
  /** Graceful stop: readiness 503 at once, in-flight requests finish, jobs drain, pools close (bounded to ~9 s). */
  stop(): Promise<void>;
}

const SHUTDOWN = { httpMs: 5000, totalMs: 9000 } as const;

export interface HostParts extends Omit<RunningHost, 'ready' | 'listen' | 'stop' | 'runSeeds'> {
  listener?: { stop(): Promise<void> };
  config: HostConfig;
  reporter?: ErrorReporter;
  isReady(): boolean;
  unready(): void;
}

/** The running host over its booted parts: listen, seeds and the graceful stop. */
export function createRunningHost(parts: HostParts): RunningHost {
  const servers = new Set<Server>();
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    parts.unready();
    const deadline = Date.now() + SHUTDOWN.totalMs;
    // Load balancers need a moment to see readiness turn 503 before the listener closes (e.g. Kubernetes endpoints).
    const delayMs = parts.config.shutdownDelayMs;
    if (delayMs > 0 && servers.size > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await Promise.all([...servers].map((server) => closeServer(server, SHUTDOWN.httpMs)));
    await parts.jobs.stop().catch((error) => parts.logger.error({ err: error }, 'job shutdown failed'));
    await parts.kernel.stop();
    await parts.listener?.stop();
    await parts.reporter?.flush(Math.max(0, Math.min(2000, deadline - Date.now()))).catch(() => {});
    await parts.database.close().catch((error) => parts.logger.error({ err: error }, 'database close failed'));
    parts.logger.info('host stopped');
    parts.logger.flush();
  };
  return {
    kernel: parts.kernel,
    database: parts.database,
    jobs: parts.jobs,
    metrics: parts.metrics,
    health: parts.health,
    enablement: parts.enablement,
    enablementChanges: parts.enablementChanges,
    app: parts.app,
    timings: parts.timings,
    logger: parts.logger,
    get ready() {
      return parts.isReady();
    },
    async listen(port, host = '127.0.0.1') {
      if (!parts.app) throw hostErrors.WZ_HOST_NO_HTTP();
      const server = createServer(parts.app);
      servers.add(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${shown}:${address.port}`, server };
    },
    stop: () => (stopping ??= stop()),
    firstBoot: parts.firstBoot,
    async runSeeds(set) {
      const lines: string[] = [];
      for (const seed of parts.kernel.contributions.seeds.filter((entry) => entry.set === set)) {
        parts.logger.info({ plugin: seed.plugin, set }, 'seeding');
        const reported = await seed.run();
        if (Array.isArray(reported)) lines.push(...reported);
      }
      return lines;
    },
  };
}

/** Stops accepting connections, lets in-flight requests finish, and cuts what is left after `graceMs`. */
async function closeServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  // Keep-alive connections that go idle after their request finished must not hold the close open.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearTimeout(timer);
  clearInterval(sweeper);
}
