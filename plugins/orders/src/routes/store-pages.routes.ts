import { contextOf, isWizamartError, permit, type PluginRoutes, type RequestContext } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import { orderNotFound } from '../errors.js';
import { ACTION_TARGETS, ORDER_STATUSES, type OrderAction } from '../services/status-machine.js';
import { errorText, type OrdersDeps } from './deps.js';
import { storeOrderView } from './store-api.routes.js';
import { formFields, settingsPages } from './store-settings.pages.js';
import { parseAction, parseList } from './validators.js';
import { ORDERS_PERMISSIONS } from '../index.js';

const ordersUrl = (deps: OrdersDeps, req: Request) => `${deps.ui.base(req, 'store')}/orders`;

/** What went wrong with a form, in words: the fields to check for validation errors, else the error's text. */
export function problemText(deps: Pick<OrdersDeps, 'ui'>, req: Request, error: unknown): string {
  if (!isWizamartError(error)) throw error;
  if (error.code !== 'WZ_VALIDATION') return errorText(deps, req, error);
  const problems = (error.details.problems as Array<{ path: string }> | undefined) ?? [];
  const fields = [...new Set(problems.map((problem) => problem.path.split('/').filter(Boolean)[0] ?? ''))].filter(
    Boolean,
  );
  return deps.ui.t(req, 'orders.errors.WZ_VALIDATION', {
    fields: fields.map((field) => deps.ui.t(req, `orders.fields.${field}`)).join(', '),
  });
}

/**
 * Runs a form change and redirects to `back` with a flash saying how it went (PRG); known errors become an error flash.
 */
async function formChange(
  deps: OrdersDeps,
  req: Request,
  res: Response,
  back: string,
  done: string,
  work: (ctx: RequestContext) => Promise<unknown>,
): Promise<void> {
  try {
    await work(contextOf(req));
  } catch (error) {
    if (!isWizamartError(error) || error.status >= 500 || error.status === 403 || error.code === 'WZ_ORDERS_NOT_FOUND')
      throw error;
    return deps.ui.redirectWithFlash(res, back, { type: 'error', message: problemText(deps, req, error) });
  }
  deps.ui.redirectWithFlash(res, back, { type: 'success', message: deps.ui.t(req, done) });
}

function canManage(req: Request, permission: string): boolean {
  return contextOf(req).actor.can(permission);
}

/** `/store/<store>/orders/…`: order list (filters, search, dates, pages), order detail with actions, settings. */
export function storePageRoutes(routes: PluginRoutes, deps: OrdersDeps): Router {
  const router = routes.router();
  router.get('/', permit(ORDERS_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.orders.list(contextOf(req), filter);
    const pages = Math.max(1, Math.ceil(page.total / filter.pageSize));
    const link = (n: number) => `?${new URLSearchParams({ ...filter.query, page: String(n) })}`;
    res.render('orders/store/orders', {
      title: deps.ui.t(req, 'orders.list.title'),
      ...page,
      filter: filter.query,
      statuses: ORDER_STATUSES,
      page: filter.page,
      pages,
      previous: filter.page > 1 ? link(filter.page - 1) : undefined,
      next: filter.page < pages ? link(filter.page + 1) : undefined,
      canSettings: canManage(req, ORDERS_PERMISSIONS.settingsManage),
    });
  });

  settingsPages(router, deps);

  router.get('/:id', permit(ORDERS_PERMISSIONS.view), async (req, res) => {
    const ctx = contextOf(req);
    const order = await deps.orders.get(ctx, String(req.params.id));
    if (!order) throw orderNotFound();
    const view = await storeOrderView(deps, ctx, order);
    res.render('orders/store/order', {
      title: deps.ui.t(req, 'orders.detail.title', { number: order.number }),
      order: view,
      canManage: canManage(req, ORDERS_PERMISSIONS.manage),
      has: Object.fromEntries(view.actions.map((action) => [action, true])),
      paymentUrl: view.payment ? `${deps.ui.base(req, 'store')}/payments/payments/${view.payment.id}` : undefined,
    });
  });
  for (const action of Object.keys(ACTION_TARGETS) as OrderAction[]) {
    router.post(`/:id/${action}`, permit(ORDERS_PERMISSIONS.manage), (req, res) => {
      const id = String(req.params.id);
      return formChange(
        deps,
        req,
        res,
        `${ordersUrl(deps, req)}/${encodeURIComponent(id)}`,
        `orders.flash.${action}`,
        (ctx) => deps.actions.run(ctx, id, action, parseAction(formFields(req.body), action === 'fulfil')),
      );
    });
  }
  return router;
}
