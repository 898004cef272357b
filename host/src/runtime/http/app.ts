import express, { type Express, type RequestHandler } from 'express';
import type { HttpStage } from '@wizamart/plugin-sdk';
import type { Logger } from 'pino';
import type { Kernel } from '../../kernel/kernel.js';
import type { HostConfig } from '../config.js';
import type { HealthService } from '../health.js';
import { createErrorHandler } from './errors.js';
import { installPipeline } from './express-handle.js';
import type { HostMetrics } from './metrics.js';
import { requestObservability } from './request-logging.js';
import type { RequestTenant } from './request-context.js';
import { matchUrl } from './url-map.js';
import { pluginDispatch, type EnablementCheck } from './plugin-dispatch.js';
import { pluginStatic } from './static.js';
import { setupViews } from './views.js';

export type { EnablementCheck };

export interface HttpDeps {
  kernel: Kernel;
  metrics: HostMetrics;
  health: HealthService;
  enablement: EnablementCheck;
  logger: Logger;
  /** The host's settings (trust proxy, caching). */
  config: Pick<HostConfig, 'trustProxy' | 'viewCache' | 'staticMaxAge'>;
  /** Whether the host answers traffic (false while booting and once shutdown began). */
  isReady(): boolean;
  /** Receives every 5xx error (Sentry when configured). */
  reportError?: (error: unknown) => void;
}

const defaultTenant: RequestHandler = (req, _res, next) => {
  const url = matchUrl(req.path);
  const { surface, store } = url;
  const tenant: RequestTenant =
    store === undefined ? { platform: 'main', surface } : { platform: 'main', surface, store };
  req.wz = { id: req.id, tenant, url };
  next();
};

/** The middleware core plugins added to `name`, in dependency order (contributions are recorded in that order). */
function stage(deps: HttpDeps, name: HttpStage): RequestHandler[] {
  return deps.kernel.contributions.stages.filter((entry) => entry.stage === name).map((entry) => entry.handler);
}

/**
 * Runs `handlers` in order as one middleware, with express's contract: `next()` goes on, `next(error)` leaves the
 * chain with the error, a rejected promise counts as `next(error)`.
 */
export function chain(handlers: RequestHandler[]): RequestHandler {
  return (req, res, done) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined && error !== null) return done(error);
      const handler = handlers[index++];
      if (!handler) return done();
      try {
        const result = handler(req, res, next) as unknown;
        if (result instanceof Promise) result.catch(done);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}

/** `/health`, `/health/live`, `/health/ready` and `/metrics`, matched by exact path in one map lookup. */
function opsRoutes(deps: HttpDeps): RequestHandler {
  const routes = new Map<string, RequestHandler>([
    ['/health/live', (_req, res) => void res.json({ status: 'ok' })],
    [
      '/health/ready',
      async (_req, res) => {
        const ready = deps.isReady() && (await deps.health.databaseReachable());
        res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
      },
    ],
    [
      '/health',
      async (req, res) => {
        // `?platform=<code>`: only the checks of plugins enabled on that platform count.
        const platform = typeof req.query.platform === 'string' ? req.query.platform : undefined;
        const report = await deps.health.report(platform);
        res.status(report.status === 'down' ? 503 : 200).json(report);
      },
    ],
    [
      '/metrics',
      async (_req, res) => {
        res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
      },
    ],
  ]);
  return (req, res, next) => {
    const route = req.method === 'GET' || req.method === 'HEAD' ? routes.get(req.path) : undefined;
    if (!route) return next();
    Promise.resolve(route(req, res, next)).catch(next);
  };
}

/**
 * The host's express app, middleware in DESIGN.md order: request id + logging → metrics → ops endpoints → tenant
 * resolution → surface → theme → authentication → per-plugin enablement gate → plugin router → 404 → errors.
 */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  const active = deps.kernel.active.map((plugin) => plugin.ctx);
  const views = setupViews(app, new Map(active.map((ctx) => [ctx.plugin.code, ctx.views.dir])), deps.config.viewCache);
  for (const helper of deps.kernel.contributions.helpers) views.registerHelper(helper.name, helper.fn);
  const tierOf = (code: string) => deps.kernel.plugins.find((node) => node.code === code)?.manifest?.tier;
  const { routes, aliases } = deps.kernel.contributions;
  const pipeline = chain([
    requestObservability(app, deps.logger, deps.metrics),
    opsRoutes(deps),
    defaultTenant,
    ...stage(deps, 'tenant'),
    ...stage(deps, 'theme'),
    ...stage(deps, 'auth'),
    pluginStatic(new Map(active.map((ctx) => [ctx.plugin.code, ctx.static.dir])), deps.config.staticMaxAge),
    pluginDispatch(routes, tierOf, deps.enablement, aliases, () => deps.metrics.contextsBuilt.inc()),
  ]);
  installPipeline(app, pipeline, createErrorHandler(deps.reportError));
  return app;
}
