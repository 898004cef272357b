import { contextOf, isWizamartError, permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Order } from '../index.js';
import { errorText, type OrdersDeps } from './deps.js';
import { shopperOrder } from './shopper-view.js';
import { parseHistoryList, parseLookup } from './validators.js';
import { CUSTOMER_PERMISSIONS } from '@wizamart/plugin-customers';

const ordersUrl = (deps: OrdersDeps, req: Request) => `${deps.ui.base(req, 'storefront')}/orders`;

/** Shoppers who are not signed in go to the sign-in page (and come back here afterwards) instead of a 401 page. */
function signInFirst(deps: OrdersDeps): RequestHandler {
  return (req, res, next) => {
    if (contextOf(req).actor.kind !== 'anonymous') return next();
    const base = deps.ui.base(req, 'storefront');
    res.redirect(303, `${base}/customers/login?${new URLSearchParams({ next: req.originalUrl.split('?')[0] })}`);
  };
}

/** The order page's data: the shopper's view of the order plus the links it needs. */
function orderPage(deps: OrdersDeps, req: Request, order: Order, extra: Record<string, unknown> = {}) {
  const base = deps.ui.base(req, 'storefront');
  const view = shopperOrder(order);
  const lines = view.lines.map((line) => ({
    ...line,
    productUrl: `${base}/products/${encodeURIComponent(line.productSlug)}`,
    options: Object.entries(line.optionValues)
      .map(([name, value]) => `${name}: ${value}`)
      .join(' · '),
  }));
  return {
    title: deps.ui.t(req, 'orders.shopper.orderTitle', { number: order.number }),
    order: { ...view, lines },
    ordersUrl: ordersUrl(deps, req),
    ...extra,
  };
}

function csrfFor(deps: OrdersDeps, req: Request, res: Response): string {
  return deps.auth.csrfToken(contextOf(req), cookieJar(req, res)) ?? deps.auth.loginFormToken(cookieJar(req, res));
}

function renderLookup(deps: OrdersDeps, req: Request, res: Response, extra: Record<string, unknown> = {}): void {
  res.render('orders/storefront/lookup', {
    title: deps.ui.t(req, 'orders.lookup.title'),
    csrf: csrfFor(deps, req, res),
    form: {},
    ...extra,
  });
}

/** The guest lookup form's answer: the order, or the form again with what went wrong (same words for any miss). */
async function lookupAnswer(deps: OrdersDeps, req: Request, res: Response): Promise<void> {
  // Signed-in shoppers' cookie sessions are CSRF-checked by auth's `auth` stage; guests carry the sign-in form token.
  if (contextOf(req).actor.kind === 'anonymous') {
    deps.auth.checkLoginFormToken(cookieJar(req, req.res!), (req.body as { _csrf?: unknown } | undefined)?._csrf);
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const form = { number: String(body.number ?? ''), email: String(body.email ?? '') };
  try {
    const order = await deps.shopper.lookup(contextOf(req), parseLookup(form));
    res.setHeader('cache-control', 'no-store');
    res.render('orders/storefront/order', orderPage(deps, req, order, { guest: true }));
  } catch (error) {
    if (!isWizamartError(error) || error.status >= 500 || error.status === 403) throw error;
    if (error.code === 'WZ_RATE_LIMITED' && typeof error.details.retryAfter === 'number')
      res.set('Retry-After', String(error.details.retryAfter));
    const key = error.code === 'WZ_VALIDATION' ? 'orders.lookup.invalid' : undefined;
    res.status(error.status);
    renderLookup(deps, req, res, { form, error: key ? deps.ui.t(req, key) : errorText(deps, req, error) });
  }
}

/** `/storefront/<store>/orders/…`: the account's order history and order pages, and the guest order lookup. */
export function storefrontPageRoutes(routes: PluginRoutes, deps: OrdersDeps): Router {
  const router = routes.router();
  router.get('/lookup', publicAccess(), (req, res) => renderLookup(deps, req, res));
  router.post('/lookup', publicAccess(), (req, res) => lookupAnswer(deps, req, res));
  router.get('/', signInFirst(deps), permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const paging = parseHistoryList(req.query);
    const page = await deps.shopper.history(contextOf(req), paging);
    const pages = Math.max(1, Math.ceil(page.total / paging.pageSize));
    res.render('orders/storefront/orders', {
      title: deps.ui.t(req, 'orders.shopper.title'),
      items: page.items.map((item) => ({ ...item, url: `${ordersUrl(deps, req)}/${item.id}` })),
      page: paging.page,
      pages,
      previous: paging.page > 1 ? `?page=${paging.page - 1}` : undefined,
      next: paging.page < pages ? `?page=${paging.page + 1}` : undefined,
      lookupUrl: `${ordersUrl(deps, req)}/lookup`,
      productsUrl: `${deps.ui.base(req, 'storefront')}/products`,
    });
  });
  router.get('/:id', signInFirst(deps), permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const order = await deps.shopper.own(contextOf(req), String(req.params.id));
    res.render('orders/storefront/order', orderPage(deps, req, order));
  });
  return router;
}
