import { contextOf, formatMinor, publicAccess, WizamartError, type PluginRoutes } from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Request, Response, Router } from 'express';
import type { CartView } from '../index.js';
import { keepGuest, shopperOf, type CartDeps, type RequestShopper } from './deps.js';
import { formBody, parseAddLine, parseLineId, parseSetQuantity } from './validators.js';

function langOf(res: Response): string {
  return String((res.locals.wz as { lang?: string } | undefined)?.lang ?? 'en');
}

/** The cart with display texts (prices in the shopper's language, option summaries, product links). */
export function cartPageData(deps: CartDeps, req: Request, res: Response, cart: CartView) {
  const lang = langOf(res);
  const base = deps.ui.base(req, 'storefront');
  const money = (amount: number | null) => (amount === null ? '' : formatMinor(amount, cart.currency, lang));
  const lines = cart.lines.map((line) => ({
    ...line,
    unitText: money(line.unitPrice),
    totalText: money(line.lineTotal),
    productUrl: `${base}/products/${encodeURIComponent(line.productSlug)}`,
    options: Object.entries(line.optionValues)
      .map(([name, value]) => `${name}: ${value}`)
      .join(' · '),
    problemText: line.problem ? deps.ui.t(req, `cart.problem.${line.problem}`, { n: line.availableQuantity ?? 0 }) : '',
  }));
  return {
    cart: { ...cart, lines, subtotalText: money(cart.subtotal) },
    cartUrl: `${base}/cart`,
    productsUrl: `${base}/products`,
  };
}

/** Guest forms carry the sign-in form token (cookie sessions are checked by auth's `auth` stage before this). */
function checkForm(deps: CartDeps, req: Request): void {
  if (!req.wz.principal)
    deps.auth.checkLoginFormToken(cookieJar(req, req.res!), (req.body as { _csrf?: unknown } | undefined)?._csrf);
}

function csrfFor(deps: CartDeps, req: Request, res: Response): string {
  return deps.auth.csrfToken(contextOf(req), cookieJar(req, res)) ?? deps.auth.loginFormToken(cookieJar(req, res));
}

/**
 * A form's `field` (`next` after a change, `back` after a refused one) when it is a path on this storefront, else the
 * cart page (no open redirects).
 */
function formTarget(deps: CartDeps, req: Request, field: 'next' | 'back'): string {
  const base = deps.ui.base(req, 'storefront');
  const target = (req.body as Record<string, unknown> | undefined)?.[field];
  const ok =
    typeof target === 'string' &&
    target.startsWith(`${base}/`) &&
    !target.startsWith('//') &&
    !/[\\\u0000-\u001f]/.test(target);
  return ok ? target : `${base}/cart`;
}

function problemMessage(deps: CartDeps, req: Request, error: WizamartError): string {
  const key = `cart.errors.${error.code}`;
  const text = deps.ui.t(req, key);
  return text === key ? error.message : text;
}

/**
 * Runs a form change and answers with a redirect and a flash (PRG): to `next` (default the cart page) when it worked;
 * a known error becomes an error flash on `back` (default the cart page), e.g. the product page the shopper added from.
 */
async function formChange(
  deps: CartDeps,
  req: Request,
  res: Response,
  change: (shopper: RequestShopper, body: Record<string, unknown>) => Promise<unknown>,
  done: string,
): Promise<void> {
  checkForm(deps, req);
  try {
    const shopper = await shopperOf(deps, req, res, true);
    await change(shopper, formBody(req.body));
    keepGuest(req, res, shopper);
  } catch (error) {
    if (!(error instanceof WizamartError) || error.status >= 500) throw error;
    return deps.ui.redirectWithFlash(res, formTarget(deps, req, 'back'), {
      type: 'error',
      message: problemMessage(deps, req, error),
    });
  }
  deps.ui.redirectWithFlash(res, formTarget(deps, req, 'next'), { type: 'success', message: deps.ui.t(req, done) });
}

/** Checkout's first step when the cart can be bought and a `checkout` plugin serves this platform, else undefined. */
function checkoutUrl(deps: CartDeps, req: Request, cart: CartView): string | undefined {
  if (!cart.ready || !deps.pluginActive(req.wz.tenant.platform, 'checkout')) return undefined;
  return `${deps.ui.base(req, 'storefront')}/checkout/contact`;
}

/** `/storefront/<store>/cart/…`: the cart page and its form targets (add, change quantity, remove, empty). */
export function storefrontPageRoutes(routes: PluginRoutes, deps: CartDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/', async (req, res) => {
    const shopper = await shopperOf(deps, req, res);
    const cart = await deps.carts.current(shopper.ctx, shopper.owner);
    res.render('cart/storefront/cart', {
      title: deps.ui.t(req, 'cart.title'),
      csrf: csrfFor(deps, req, res),
      checkoutUrl: checkoutUrl(deps, req, cart),
      ...cartPageData(deps, req, res, cart),
    });
  });
  router.post('/add', (req, res) =>
    formChange(
      deps,
      req,
      res,
      (shopper, body) => deps.carts.add(shopper.ctx, shopper.owner!, parseAddLine(body)),
      'cart.flash.added',
    ),
  );
  router.post('/lines/:lineId', (req, res) =>
    formChange(
      deps,
      req,
      res,
      (shopper, body) => {
        const lineId = parseLineId(req.params);
        if (body.quantity === 0) return deps.carts.removeLine(shopper.ctx, shopper.owner!, lineId);
        return deps.carts.setQuantity(shopper.ctx, shopper.owner!, lineId, parseSetQuantity(body).quantity);
      },
      'cart.flash.updated',
    ),
  );
  router.post('/lines/:lineId/remove', (req, res) =>
    formChange(
      deps,
      req,
      res,
      (shopper) => deps.carts.removeLine(shopper.ctx, shopper.owner!, parseLineId(req.params)),
      'cart.flash.removed',
    ),
  );
  router.post('/clear', (req, res) =>
    formChange(deps, req, res, (shopper) => deps.carts.clearOwn(shopper.ctx, shopper.owner!), 'cart.flash.cleared'),
  );
  return router;
}
