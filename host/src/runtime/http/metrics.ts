import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Request } from 'express';

/** The host's Prometheus metrics, on a registry of its own (several hosts can share a process in tests). */
export interface HostMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  plugins: Gauge<'state'>;
  pluginBoot: Gauge<'plugin'>;
  jobs: Counter<'job' | 'outcome'>;
  jobDuration: Histogram<'job'>;
  /** Request contexts built (one per request that reaches a plugin router). */
  contextsBuilt: Counter;
  /** Records one request; label sets are cached, so the hot path does no label hashing. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

export function createMetrics(): HostMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wizamart_process_' });
  const registers = [registry];
  const httpDuration = new Histogram({
    name: 'wizamart_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  // Route labels are mount patterns, so the cache stays as small as the route table. Nested by route, status and
  // method so that finding a label set builds no key string.
  const labelled = new Map<string, Map<number, Map<string, { observe(value: number): void }>>>();
  return {
    registry,
    httpDuration,
    observeRequest(method, route, status, seconds) {
      let byStatus = labelled.get(route);
      if (!byStatus) labelled.set(route, (byStatus = new Map()));
      let byMethod = byStatus.get(status);
      if (!byMethod) byStatus.set(status, (byMethod = new Map()));
      let child = byMethod.get(method);
      if (!child) byMethod.set(method, (child = httpDuration.labels(method, route, String(status))));
      child.observe(seconds);
    },
    plugins: new Gauge({
      name: 'wizamart_plugins',
      help: 'Installed plugins by state',
      labelNames: ['state'],
      registers,
    }),
    pluginBoot: new Gauge({
      name: 'wizamart_plugin_boot_duration_seconds',
      help: 'Import and register time per plugin',
      labelNames: ['plugin'],
      registers,
    }),
    jobs: new Counter({
      name: 'wizamart_jobs_total',
      help: 'Job runs by job and outcome',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    contextsBuilt: new Counter({
      name: 'wizamart_http_contexts_built_total',
      help: 'Request contexts built (one per request routed to a plugin)',
      registers,
    }),
    jobDuration: new Histogram({
      name: 'wizamart_job_duration_seconds',
      help: 'Job run duration',
      labelNames: ['job'],
      registers,
      buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
    }),
  };
}

/** Labels per route object and mount pattern, so a request does not build its label string again. */
const labels = new WeakMap<object, Map<string, string>>();

/** The route label: the plugin mount pattern plus the matched route path, or a fixed label when nothing matched. */
export function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  const routePath = route?.path;
  if (typeof routePath === 'string') {
    const mountPattern = req.wz?.mountPattern;
    // Without a mount pattern the label holds the concrete base URL (store codes and all): not worth caching.
    if (mountPattern === undefined) return `${req.baseUrl}${routePath}`;
    let byMount = labels.get(route!);
    if (!byMount) labels.set(route!, (byMount = new Map()));
    let label = byMount.get(mountPattern);
    if (label === undefined)
      byMount.set(mountPattern, (label = `${mountPattern}${routePath === '/' ? '' : routePath}`));
    return label;
  }
  if (req.wz?.tenant.surface === 'static') return '/static/*';
  return 'unmatched';
}
