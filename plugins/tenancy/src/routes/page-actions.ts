import { isWizamartError } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, RequestHandler, Response } from 'express';

/** What a page form handler reports on success: where to go and what to tell the person. */
export interface Done {
  to: string;
  message: string;
}

/** The surface base of a page request (`/admin`, `/store/<s>`). */
export function baseOf(req: Request): string {
  return req.wz.tenant.base ?? (req.wz.tenant.surface === 'admin' ? '/admin' : `/store/${req.wz.tenant.store}`);
}

/** `<base>/tenancy<path>`: a link to one of tenancy's pages. */
export function pageUrl(req: Request, path: string): string {
  return `${baseOf(req)}/tenancy${path}`;
}

function redirect(ui: CoreUi | undefined, res: Response, to: string, type: 'success' | 'error', message: string): void {
  if (ui) return ui.redirectWithFlash(res, to, { type, message });
  res.redirect(303, to);
}

/**
 * A form post handler with post/redirect/get: success redirects with a success flash; a refusal the person can
 * fix (validation, conflict, missing permission) redirects back with the message. Sign-in problems and server
 * errors go to the host's error handling (sign-in redirect, error page).
 */
export function formAction(ui: () => CoreUi | undefined, back: (req: Request) => string, handle: (req: Request) => Promise<Done>): RequestHandler {
  return async (req, res) => {
    let done: Done;
    try {
      done = await handle(req);
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500 || error.status === 401) throw error;
      return redirect(ui(), res, back(req), 'error', error.message.slice(0, 240));
    }
    redirect(ui(), res, done.to, 'success', done.message);
  };
}

/** Query paging for list pages, with links to the previous and next page. */
export function pager(req: Request, result: { total: number; page: number; pageSize: number }, extra: Record<string, string | undefined> = {}) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...extra, page: String(page) }).filter(([, v]) => v) as Array<[string, string]>);
    return `${req.baseUrl}${req.path}?${params.toString()}`;
  };
  return {
    page: result.page,
    pages,
    total: result.total,
    previous: result.page > 1 ? link(result.page - 1) : undefined,
    next: result.page < pages ? link(result.page + 1) : undefined,
  };
}
