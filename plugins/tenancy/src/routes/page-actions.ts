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

/** Where a refused form is shown again: the page's own GET handler, and the form's name on it (`forms.<name>`). */
export interface FormPage {
  form: string;
  page: (req: Request, res: Response) => Promise<void>;
}

/** Fields typed in a set format: their messages say the format instead of "not in the expected format". */
const HINTS = {
  domain: 'tenancy.fieldHints.domain',
  code: 'tenancy.fieldHints.code',
  currency: 'tenancy.fieldHints.currency',
  locale: 'tenancy.fieldHints.locale',
};

/** What the person typed, without the CSRF token and never a password. */
function typedValues(body: unknown): Record<string, unknown> {
  const entries = Object.entries((body ?? {}) as Record<string, unknown>);
  return Object.fromEntries(entries.filter(([key]) => key !== '_csrf' && !/password/i.test(key)));
}

/**
 * A form post handler with post/redirect/get: success redirects with a success flash. A refusal the person can fix
 * (validation, conflict) shows `again.page` with the refusal's status, `forms.<again.form>` holding the typed values
 * and the messages beside their fields; without `again` (or for a missing permission) it redirects back with the
 * message. Sign-in problems and server errors go to the host's error handling (sign-in redirect, error page).
 */
export function formAction(
  ui: () => CoreUi | undefined,
  back: (req: Request) => string,
  handle: (req: Request) => Promise<Done>,
  again?: FormPage,
): RequestHandler {
  return async (req, res) => {
    let done: Done;
    try {
      done = await handle(req);
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500 || error.status === 401) throw error;
      const shown = ui();
      if (!again || !shown || error.status === 403 || error.status === 404) {
        return redirect(shown, res, back(req), 'error', error.message.slice(0, 240));
      }
      const { message, fields } = shown.formErrors(req, error, HINTS);
      res.locals.forms = { [again.form]: { values: typedValues(req.body), error: message, errors: fields } };
      res.status(error.status);
      return again.page(req, res);
    }
    redirect(ui(), res, done.to, 'success', done.message);
  };
}

/** Query paging for list pages, with links to the previous and next page. */
export function pager(
  req: Request,
  result: { total: number; page: number; pageSize: number },
  extra: Record<string, string | undefined> = {},
) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...extra, page: String(page) }).filter(([, v]) => v) as Array<[string, string]>,
    );
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
