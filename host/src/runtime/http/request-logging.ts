import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { HostMetrics } from './metrics.js';
import { routeLabel } from './metrics.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request id (from a valid `x-request-id` header, else a new UUID). */
    id: string;
    /** A pino child logger carrying the request id, created on first use. */
    log: Logger;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const QUIET = new Set(['/health/live', '/health/ready']);

/**
 * Request id, access log and duration metric in one middleware with one `finish` listener. Leaner than pino-http
 * (which serialises whole request/response objects): the per-request child logger is only built when a handler
 * logs, and the access line carries what operators search by — id, method, URL, status, time.
 */
export function requestObservability(app: Express, logger: Logger, metrics: HostMetrics): RequestHandler {
  // On the app's request prototype, so no request pays for defining it.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: { id: string; wzLog?: Logger }) {
      return (this.wzLog ??= logger.child({ reqId: this.id }));
    },
  });
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    res.setHeader('x-request-id', id);
    req.id = id;
    // 'finish' is emitted once per response: `on` does what `once` would, without its wrapper objects.
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.statusCode;
      metrics.observeRequest(req.method, routeLabel(req), status, seconds);
      if (QUIET.has(req.path)) return;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        { reqId: id, method: req.method, url: req.originalUrl, status, ms: Math.round(seconds * 10_000) / 10 },
        'request completed',
      );
    });
    next();
  };
}
