import type { Request } from 'express';

/**
 * True when the request wants JSON rather than a page: an `/api/…` path, or an `Accept` header preferring JSON over
 * HTML. Error handlers use it to choose between the JSON error envelope and an error page.
 *
 * @example
 * ```ts
 * if (wantsJson(req)) res.status(401).json({ error }); else res.redirect(signInUrl);
 * ```
 */
export function wantsJson(req: Pick<Request, 'path' | 'accepts'>): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}
