import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { HttpStage } from '@wizamart/plugin-sdk';
import type { Logger } from 'pino';
import type { Kernel } from '../../kernel/kernel.js';
import type { HostConfig } from '../config.js';
import type { HealthService } from '../health.js';
import { createErrorHandler, notFound } from './errors.js';
import type { HostMetrics } from './metrics.js';
import { requestObservability } from './request-logging.js';
import { tenantOfPath, type RequestTenant } from './request-context.js';
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
  const { surface, store } = tenantOfPath(req.path);
  const tenant: RequestTenant = store === undefined ? { platform: 'main', surface } : { platform: 'main', surface, store };
  req.wz = { id: req.id, tenant };
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
    ['/health/ready', async (_req, res) => {
      const ready = deps.isReady() && (await deps.health.databaseReachable());
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
    }],
    ['/health', async (req, res) => {
      // `?platform=<code>`: only the checks of plugins enabled on that platform count.
      const platform = typeof req.query.platform === 'string' ? req.query.platform : undefined;
      const report = await deps.health.report(platform);
      res.status(report.status === 'down' ? 503 : 200).json(report);
    }],
    ['/metrics', async (_req, res) => {
      res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
    }],
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
  const pipeline = chain([
    requestObservability(app, deps.logger, deps.metrics),
    opsRoutes(deps),
    defaultTenant,
    ...stage(deps, 'tenant'),
    ...stage(deps, 'theme'),
    ...stage(deps, 'auth'),
    pluginStatic(new Map(active.map((ctx) => [ctx.plugin.code, ctx.static.dir])), deps.config.staticMaxAge),
    pluginDispatch(deps.kernel.contributions.routes, tierOf, deps.enablement, deps.kernel.contributions.aliases),
  ]);
  const handleError = createErrorHandler(deps.reportError);
  // The pipeline runs in place of express's own app router: that router would only ever hold this one pipeline, the
  // 404 and the error handler, yet it cost a router pass (URL parse, layer match, closures) on every request, on top
  // of the plugin router's own pass. See docs/adr/0002-host-runtime.md (HTTP) for the measurements.
  (app as unknown as { handle: typeof handle }).handle = handle;
  function handle(incoming: IncomingMessage, outgoing: ServerResponse, callback?: NextFunction): void {
    const req = incoming as Request;
    const seed = incoming as unknown as Preseeded;
    const res = outgoing as Response;
    // What express's app.handle and its router set up before the first middleware — and, before the prototypes are
    // swapped, every other property the pipeline and express's router add to a request. V8 gives an object whose
    // prototype was replaced a fresh hidden class (a copy of its ~40 descriptors, about 1 KB) for each property added
    // afterwards, on every request; properties that already exist are plain stores. The bench route measured ~12 KB of
    // allocation per request this way.
    req.res = res;
    req.baseUrl = '';
    req.originalUrl ??= req.url;
    req.params = {};
    seed.next = undefined;
    seed.route = undefined;
    seed._parsedUrl = undefined;
    req.id = '';
    seed.wz = undefined;
    seed.wzLog = undefined;
    res.req = req;
    res.locals ??= Object.create(null) as Response['locals'];
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    pipeline(req, res, (error?: unknown) => unhandled(req, res, error, handleError, callback));
  }
  return app;
}

/** Request properties given a first value before the prototype swap (set for real later by the pipeline or router). */
interface Preseeded {
  next: undefined;
  route: undefined;
  _parsedUrl: undefined;
  wz: undefined;
  wzLog: undefined;
}

/**
 * The end of the pipeline: nothing answered (404) or an error left it. After the error handler, what express's final
 * handler would do: a response already under way cannot be replaced, so its connection is closed.
 */
function unhandled(req: Request, res: Response, error: unknown, handleError: ErrorRequestHandler, callback?: NextFunction): void {
  const final: NextFunction = callback ?? (() => {
    if (res.headersSent) req.socket?.destroy();
    else res.status(500).type('text/plain').end('Internal Server Error');
  });
  const toErrorHandler = (thrown: unknown): void => {
    try {
      handleError(thrown, req, res, final);
    } catch (failure) {
      final(failure);
    }
  };
  // `next('route')` / `next('router')` leave the pipeline without an error: nothing matched.
  if (error === undefined || error === null || error === 'route' || error === 'router') notFound(req, res, toErrorHandler);
  else toErrorHandler(error);
}
