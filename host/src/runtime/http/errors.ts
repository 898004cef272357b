import {
  errorBody,
  hostErrors,
  isWizamartError,
  validationError,
  wantsJson,
  type WizamartError,
} from '@wizamart/plugin-sdk';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

// Connection-level failures (PostgreSQL SQLSTATE class 08, shutdown/cannot-connect-now, refused sockets, pool
// timeouts) mean the database is away, not that the request was wrong: a 503 a client may retry.
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '55000']);

function isDatabaseDown(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (DB_DOWN_CODES.has(code) || code.startsWith('08'))) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && /Connection terminated|not currently accepting connections/.test(message);
}

/** Maps body-parser and other well-known errors to Wizamart errors; anything else becomes `WZ_INTERNAL`. */
export function normaliseError(error: unknown): WizamartError {
  if (isWizamartError(error)) return error;
  if (isDatabaseDown(error)) {
    return hostErrors.WZ_DB_UNAVAILABLE({ problem: 'The database is unavailable; try again shortly' }, { details: {} });
  }
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    return hostErrors.WZ_PAYLOAD_TOO_LARGE();
  }
  if (type === 'entity.parse.failed') {
    return validationError([{ path: '/', code: 'invalid', message: 'The request body is not valid JSON' }]);
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return hostErrors.WZ_PAYLOAD_UNSUPPORTED();
  }
  return hostErrors.WZ_INTERNAL();
}

/** 404 for anything no route handled. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(hostErrors.WZ_NOT_FOUND({ method: req.method, path: req.path }));
};

/**
 * The last middleware: logs the error (with its cause for 5xx, which also go to `report`, e.g. Sentry), then answers
 * `{ error: { code, message, details } }` for APIs or renders the `error` view for pages. Internals never reach the
 * client.
 */
export function createErrorHandler(report?: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => handleError(error, req, res, next, report);
}

function handleError(
  error: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
  report?: (error: unknown) => void,
): void {
  const wz = normaliseError(error);
  if (wz.status >= 500) {
    req.log?.error({ err: error, code: wz.code }, 'request failed');
    report?.(error);
  } else req.log?.info({ code: wz.code, status: wz.status }, wz.message);
  if (res.headersSent) return next(error);
  const loginUrl = req.wz?.loginUrl;
  if (wz.code === 'WZ_AUTH_UNAUTHENTICATED' && loginUrl && req.method === 'GET' && !wantsJson(req)) {
    const separator = loginUrl.includes('?') ? '&' : '?';
    res.redirect(303, `${loginUrl}${separator}next=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  const body = errorBody(wz);
  res.status(wz.status);
  if (wz.status === 429 && typeof wz.details.retryAfter === 'number')
    res.set('Retry-After', String(wz.details.retryAfter));
  if (wantsJson(req) || !req.app.get('view engine')) {
    res.json(body);
    return;
  }
  res.render(
    'error',
    { title: `Error ${wz.status}`, error: body.error, status: wz.status, requestId: req.wz?.id },
    (renderError, html) => {
      if (renderError) res.type('text/plain').send(`${wz.status} ${wz.code}: ${wz.message}`);
      else res.send(html);
    },
  );
}
