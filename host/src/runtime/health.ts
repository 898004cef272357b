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

/** The `/health` body. */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: HealthCheckReport[];
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
 * Aggregates the host checks (database, jobs) and every plugin's checks. The database down means the host is down
 * (503); anything else failing makes it degraded.
 */
export class HealthService {
  constructor(
    private readonly contributions: Contributions,
    private readonly database: Check,
    private readonly jobs: Check,
    /** Whether a plugin's checks count: on `platform` when given, else on any platform (core plugins always). */
    private readonly counts: (plugin: string, platform?: string) => boolean = () => true,
  ) {}

  async databaseReachable(): Promise<boolean> {
    return (await runCheck('database', this.database)).status === 'ok';
  }

  /**
   * Every counted check: a plugin disabled on every platform (or on `platform`, when given) no longer counts, so a
   * check of a plugin nobody uses cannot degrade the host.
   */
  async report(platform?: string): Promise<HealthReport> {
    const plugin = this.contributions.health.filter((entry) => this.counts(entry.plugin, platform));
    const checks = await Promise.all([
      runCheck('database', this.database),
      runCheck('jobs', this.jobs),
      ...plugin.map((entry) => runCheck(entry.name, entry.run)),
    ]);
    const status = checks[0].status === 'down' ? 'down' : checks.every((check) => check.status === 'ok') ? 'ok' : 'degraded';
    return { status, checks };
  }
}
