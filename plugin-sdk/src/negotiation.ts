import type { Request } from 'express';
import type { RequestState } from './http.js';

/**
 * True when the request wants JSON rather than a page: an `/api/…` path (as the host's URL map read it), or an
 * `Accept` header preferring JSON over HTML. Error handlers use it to choose between the JSON error envelope and an
 * error page.
 *
 * @example
 * ```ts
 * if (wantsJson(req)) res.status(401).json({ error }); else res.redirect(signInUrl);
 * ```
 */
export function wantsJson(
  req: Pick<Request, 'path' | 'accepts'> & { readonly wz?: Pick<RequestState, 'url'> },
): boolean {
  // The host's URL map has read the path before any stage runs; a request outside the host has only its path.
  const api = req.wz?.url ? req.wz.url.kind === 'api' : req.path.startsWith('/api/');
  return api || req.accepts(['html', 'json']) === 'json';
}
