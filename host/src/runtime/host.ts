import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { HostServices, hostErrors, WizamartError } from '@wizamart/plugin-sdk';
import { Kernel, type KernelOptions } from '../kernel/kernel.js';
import { HOST_VERSION } from '../version.js';
import { bindSchema, schemaOf } from './database/bind-schema.js';
import { dataDirFromEnv, openDatabase, type Database } from './database/connection.js';
import { ensureHostSchema, recordInstalls } from './database/host-schema.js';
import { migratablePlugins, Migrator } from './database/migrator.js';
import { listenForEnablement } from './enablement/listener.js';
import { EnablementService } from './enablement/service.js';
import { EnablementStore } from './enablement/store.js';
import {
  createMenuDirectory,
  createPlatformDirectory,
  createPluginDirectory,
  describeInstalledPlugins,
} from './host-services.js';
import { provideHostService } from '../kernel/services.js';
import { HealthService } from './health.js';
import { createHttpApp } from './http/app.js';
import { createMetrics, type HostMetrics } from './http/metrics.js';
import { JobRunner } from './jobs/job-runner.js';
import { readHostConfig, type HostConfig } from './config.js';
import { createLogger } from './logger.js';
import { createRunningHost, type BootTimings, type RunningHost } from './running-host.js';
import { loadErrorReporter } from './sentry.js';

export type { BootTimings, RunningHost } from './running-host.js';

/** How to run a host; every option has a default from the host config. */
export interface HostOptions extends Pick<KernelOptions, 'appDir' | 'pluginPaths' | 'packages' | 'hookTimeoutMs'> {
  /** The host's settings (default: read once from `env`). */
  config?: HostConfig;
  /** The environment to read the config from when `config` is not given (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Server URL (default `DATABASE_URL`); without one, the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Embedded data folder or `memory://` (default `WIZAMART_DATA_DIR`, else `.wizamart/` in the app folder). */
  dataDir?: string;
  /** Apply pending migrations before serving (default true; env `WIZAMART_MIGRATE_ON_START=false` turns it off). */
  migrate?: boolean;
  /** Process jobs in this process (default true; env `WIZAMART_JOBS=false` leaves them to `wizamart worker`). */
  processJobs?: boolean;
  /** How often the job loop polls, in ms (default 1000, env `WIZAMART_JOBS_PROCESS_EVERY_MS`). */
  jobsProcessEveryMs?: number;
  /** Build the express app (false for `wizamart worker`). */
  http?: boolean;
  /** Run the plugins' start hooks (default true; `wizamart routes` reads only what plugins registered). */
  start?: boolean;
}

/**
 * Boots a host: discover → resolve → import → register → migrate → start, the database opening in parallel with
 * discovery. A failed core plugin or an unreachable database rejects with a `WizamartError`; anything else a plugin
 * does wrong only fails that plugin.
 */
export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const began = performance.now();
  const config = options.config ?? readHostConfig(options.env);
  const logger = options.logger ?? createLogger(config.log);
  const appDir = options.appDir ?? config.appDir;
  const metrics = createMetrics();
  const dataDir = options.dataDir ?? dataDirFromEnv(config.dataDir, appDir);
  const databaseOpening = openDatabase({
    url: options.databaseUrl ?? config.databaseUrl,
    dataDir,
    log: {
      warn: (message) => logger.warn({ component: 'knex' }, message),
      error: (message) => logger.error({ component: 'knex' }, message),
    },
    embeddedLog: logger.child({ component: 'embedded-database' }),
  }).then(async (database) => {
    await ensureHostSchema(database.knex, database.embedded);
    return database;
  });
  // Keep a rejection handled while discovery runs; it is awaited (and rethrown) below.
  databaseOpening.catch(() => {});
  let jobs: JobRunner | undefined;
  const runtime = {
    db: (code: string) => bindSchema(database.knex, schemaOf(code)),
    get queue() {
      if (!jobs) throw hostErrors.WZ_JOB_STOPPED();
      return jobs;
    },
  };
  const kernel = new Kernel({ ...options, appDir, config, logger, runtime });
  let database!: Database;
  try {
    await kernel.resolve();
    database = await databaseOpening;
  } catch (error) {
    await databaseOpening.then((db) => db.close()).catch(() => {});
    throw error;
  }
  try {
    return await bootRest({
      options,
      dataDir,
      config,
      logger,
      kernel,
      database,
      metrics,
      began,
      setJobs: (runner) => (jobs = runner),
    });
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await kernel.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

interface BootState {
  options: HostOptions;
  dataDir: string;
  config: HostConfig;
  logger: Logger;
  kernel: Kernel;
  database: Database;
  metrics: HostMetrics;
  began: number;
  setJobs(runner: JobRunner): void;
}

async function bootRest(state: BootState): Promise<RunningHost> {
  const { options, config, logger, kernel, database, metrics } = state;
  const installed = kernel.plugins.filter((node) => node.manifest);
  const { firstBoot } = await recordInstalls(database.knex, database.embedded, kernel.plugins);
  const enablement = new EnablementStore(
    database.knex,
    new Set(installed.filter((node) => node.manifest!.tier === 'core').map((node) => node.code)),
  );
  const jobs = new JobRunner({
    url: database.url,
    embedded: database.embedded,
    definitions: () => kernel.contributions.jobs,
    isEnabled: (platform, plugin) => enablement.isEnabled(platform, plugin),
    logger,
    metrics,
    processEveryMs: options.jobsProcessEveryMs ?? config.jobsProcessEveryMs,
  });
  state.setJobs(jobs);
  const enablementChanges = new EnablementService(database.knex, () => describeInstalledPlugins(kernel), enablement, {
    embedded: database.embedded,
    logger,
  });
  await Promise.all([jobs.connect(), enablement.refresh()]);
  provideHostService(kernel.root, HostServices.menus, createMenuDirectory(kernel.contributions, enablement));
  provideHostService(kernel.root, HostServices.platforms, createPlatformDirectory(database.knex));
  provideHostService(kernel.root, HostServices.plugins, createPluginDirectory(kernel, enablement, enablementChanges));
  provideHostService(
    kernel.root,
    HostServices.environment,
    Object.freeze({
      env: config.env,
      embedded: database.embedded,
      dataDir: state.dataDir,
      platformDomain: config.platformDomain,
      redisUrl: config.redisUrl,
      jwtSecret: config.jwtSecret,
      demoPassword: config.demoPassword,
      production: config.nodeEnv === 'production',
    }),
  );
  await kernel.register();
  const migrateStarted = performance.now();
  if (options.migrate ?? config.migrateOnStart) {
    const migrator = new Migrator(
      database.knex,
      migratablePlugins(
        kernel.active.map((plugin) => plugin.node),
        kernel.plugins,
      ),
      { embedded: database.embedded, logger },
    );
    await migrator.up({
      onError: (plugin, error) =>
        kernel.markFailed(plugin, { code: error.code, message: error.message, details: error.details }, error),
    });
  }
  const migrateSeconds = (performance.now() - migrateStarted) / 1000;
  const startBegan = performance.now();
  if (options.start !== false) await kernel.start();
  const broken = kernel.brokenCore;
  if (broken.length > 0) {
    const first = broken[0];
    // Re-raised under the core plugin's own failure code (recorded at boot), which names the operator's fix.
    throw new WizamartError(
      first.error?.code ?? 'WZ_PLUGIN_BLOCKED',
      `core plugin ${first.code} cannot run: ${first.error?.message ?? 'unknown failure'}`,
      { details: { plugin: first.code } },
    );
  }
  if (options.processJobs ?? config.processJobs) await jobs.startProcessing();
  const listener = database.embedded
    ? undefined
    : listenForEnablement(database.url, () => enablement.refresh(), logger);
  const reporter = await loadErrorReporter(config, logger, HOST_VERSION);
  recordPluginMetrics(kernel, metrics);
  const health = new HealthService(
    kernel.contributions,
    async () => {
      if (!(await database.ping(2000))) throw hostErrors.WZ_DB_UNAVAILABLE({ problem: 'the database does not answer' });
      return { status: 'ok' };
    },
    () => jobs.check(),
    (plugin, platform) => (platform ? enablement.isEnabled(platform, plugin) : enablement.isEnabledAnywhere(plugin)),
    () => kernel.plugins,
  );
  let ready = false;
  const app =
    options.http === false
      ? undefined
      : createHttpApp({
          kernel,
          metrics,
          health,
          enablement,
          logger,
          config,
          isReady: () => ready,
          reportError: reporter ? (error) => reporter.capture(error) : undefined,
        });
  const timings: BootTimings = {
    discover: kernel.timings.discover ?? 0,
    resolve: kernel.timings.resolve ?? 0,
    import: kernel.timings.import ?? 0,
    register: kernel.timings.register ?? 0,
    migrate: migrateSeconds,
    start: (performance.now() - startBegan) / 1000,
    total: (performance.now() - state.began) / 1000,
  };
  ready = true;
  logger.info({ timings, plugins: kernel.active.length }, 'host ready');
  logger.flush();
  return createRunningHost({
    listener,
    enablementChanges,
    firstBoot,
    config,
    kernel,
    database,
    jobs,
    metrics,
    health,
    enablement,
    app,
    timings,
    logger,
    reporter,
    isReady: () => ready,
    unready: () => (ready = false),
  });
}

function recordPluginMetrics(kernel: Kernel, metrics: HostMetrics): void {
  const states = { ok: 0, failed: 0, blocked: 0 };
  for (const node of kernel.plugins) states[node.state]++;
  metrics.plugins.set({ state: 'loaded' }, states.ok);
  metrics.plugins.set({ state: 'failed' }, states.failed);
  metrics.plugins.set({ state: 'blocked' }, states.blocked);
  for (const plugin of kernel.active) metrics.pluginBoot.set({ plugin: plugin.node.code }, plugin.bootSeconds);
}
