import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { notFound } from './errors.js';

/**
 * The one place the host reaches into express internals (ADR 0002, HTTP). The pipeline runs in place of express's
 * own app router: that router would only ever hold this one pipeline, the 404 and the error handler, yet it cost a
 * router pass (URL parse, layer match, closures) on every request, on top of the plugin router's own pass.
 *
 * Express internals touched (pinned by express-handle.test.ts): `app.handle(req, res, callback)` is what the server
 * calls; `app.request` / `app.response` are the prototypes express swaps in; `req.res`, `res.req`, `req.baseUrl`,
 * `req.originalUrl`, `req.params`, `req.next`, `req.route`, `req._parsedUrl` (parseurl's cache, keyed by `req.url`)
 * and `res.locals` are what express's app and router set before the first middleware.
 */
export function installPipeline(app: Express, pipeline: RequestHandler, handleError: ErrorRequestHandler): void {
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
function unhandled(
  req: Request,
  res: Response,
  error: unknown,
  handleError: ErrorRequestHandler,
  callback?: NextFunction,
): void {
  const final: NextFunction =
    callback ??
    (() => {
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
  if (error === undefined || error === null || error === 'route' || error === 'router')
    notFound(req, res, toErrorHandler);
  else toErrorHandler(error);
}
