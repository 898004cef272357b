import { performance } from 'node:perf_hooks';
import type { HealthCheckResult } from '@wizamart/plugin-sdk';
import type { Contributions } from '../kernel/contributions.js';

/** One line of the `/health` report. */
export interface HealthCheckReport {
  name: string;
  status: 'ok' | 'degraded' | 'down';
  durationMs: number;
  error?: string;
}

/** A plugin that failed or is blocked, as `/health` lists it. */
export interface BrokenPluginReport {
  code: string;
  state: 'failed' | 'blocked';
  /** The stable code of its failure (`WZ_PLUGIN_*`, `WZ_MIGRATION_FAILED`, …). */
  error: string | null;
}

/** The `/health` body. */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: HealthCheckReport[];
  /** Failed and blocked plugins; any makes the host degraded. */
  plugins: BrokenPluginReport[];
}

/** What the health service reads of a plugin's boot state (the kernel's plugin nodes). */
export interface PluginStateSource {
  code: string;
  state: 'ok' | 'failed' | 'blocked';
  error: { code: string } | null;
}

type Check = () => Promise<HealthCheckResult> | HealthCheckResult;

const CHECK_TIMEOUT_MS = 3000;

async function runCheck(name: string, check: Check): Promise<HealthCheckReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    const result = await Promise.race([Promise.resolve().then(check), timeout]);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    if (result && result.status === 'degraded') return { name, status: 'degraded', durationMs, error: result.detail };
    return { name, status: 'ok', durationMs };
  } catch (error) {
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    return { name, status: 'down', durationMs, error: (error as Error).message ?? String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Aggregates the host checks (database, jobs), every plugin's checks and the plugins' boot states. The database down
 * means the host is down (503); a failing check or a failed or blocked plugin makes it degraded.
 */
export class HealthService {
  constructor(
    private readonly contributions: Contributions,
    private readonly database: Check,
    private readonly jobs: Check,
    /** Whether a plugin's checks count: on `platform` when given, else on any platform (core plugins always). */
    private readonly counts: (plugin: string, platform?: string) => boolean = () => true,
    /** Every installed plugin with its state (the kernel's `plugins`). */
    private readonly plugins: () => readonly PluginStateSource[] = () => [],
  ) {}

  async databaseReachable(): Promise<boolean> {
    return (await runCheck('database', this.database)).status === 'ok';
  }

  /**
   * Every counted check: a plugin disabled on every platform (or on `platform`, when given) no longer counts, so a
   * check of a plugin nobody uses cannot degrade the host. Failed and blocked plugins are always listed, except that
   * with `platform` only those enabled there are.
   */
  async report(platform?: string): Promise<HealthReport> {
    const plugin = this.contributions.health.filter((entry) => this.counts(entry.plugin, platform));
    const checks = await Promise.all([
      runCheck('database', this.database),
      runCheck('jobs', this.jobs),
      ...plugin.map((entry) => runCheck(entry.name, entry.run)),
    ]);
    const plugins = this.brokenPlugins(platform);
    const healthy = checks.every((check) => check.status === 'ok') && plugins.length === 0;
    const status = checks[0].status === 'down' ? 'down' : healthy ? 'ok' : 'degraded';
    return { status, checks, plugins };
  }

  private brokenPlugins(platform?: string): BrokenPluginReport[] {
    return this.plugins()
      .filter((node) => node.state !== 'ok' && (!platform || this.counts(node.code, platform)))
      .map((node) => ({
        code: node.code,
        state: node.state as BrokenPluginReport['state'],
        error: node.error?.code ?? null,
      }));
  }
}
