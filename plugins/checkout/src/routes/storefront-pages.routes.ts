import { randomUUID } from 'node:crypto';
import {
  contextOf,
  fieldErrorsOf,
  isWizamartError,
  publicAccess,
  type PluginRoutes,
  type WizamartError,
} from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Request, Response, Router } from 'express';
import type { CartView } from '@wizamart/plugin-cart';
import type { CheckoutFillStep, CheckoutState, CheckoutStep, PlacedOrder } from '../index.js';
import type { CheckoutOptions, Prefill } from '../services/checkout.service.js';
import { FILL_STEPS } from '../services/steps.js';
import { placedOrder, resolveShopper, shopperWithCart, shopperWithCartId, type CheckoutDeps } from './deps.js';
import {
  addressFields,
  cartSummary,
  choices,
  fieldErrors,
  firstAddress,
  providerInputs,
  stepNav,
  stepUrl,
  withOptions,
} from './page-data.js';
import { placeFor } from './storefront-api.routes.js';
import { parseOrderId, parseStep, placeFromForm, stepFromForm } from './validators.js';

type Locals = Record<string, unknown>;

/** Guest forms carry the sign-in form token (cookie sessions are checked by auth's `auth` stage before this). */
function checkForm(deps: CheckoutDeps, req: Request): void {
  if (!req.wz.principal)
    deps.auth.checkLoginFormToken(cookieJar(req, req.res!), (req.body as { _csrf?: unknown } | undefined)?._csrf);
}

function csrfFor(deps: CheckoutDeps, req: Request, res: Response): string {
  return deps.auth.csrfToken(contextOf(req), cookieJar(req, res)) ?? deps.auth.loginFormToken(cookieJar(req, res));
}

/** The shopper's words for an error: `checkout.errors.<code>` when the locale has it, else the error's message. */
function problemText(
  deps: CheckoutDeps,
  req: Request,
  error: { code: string; message: string; details?: Record<string, unknown> },
): string {
  const key = `checkout.errors.${error.code}`;
  const missing = error.details?.missing;
  const params = {
    ...error.details,
    ...(typeof missing === 'string' ? { missing: deps.ui.t(req, `checkout.steps.${missing}`) } : {}),
  };
  const text = deps.ui.t(req, key, params);
  return text === key ? error.message : text;
}

/** Where a refusal sends the shopper: the cart for cart problems, the missing step, else the review. */
function recoveryUrl(
  deps: CheckoutDeps,
  req: Request,
  error: { code: string; details?: Record<string, unknown> },
): string {
  if (
    ['WZ_CHECKOUT_CART_EMPTY', 'WZ_CHECKOUT_CART_NOT_READY', 'WZ_CHECKOUT_OUT_OF_STOCK', 'WZ_CART_LOCKED'].includes(
      error.code,
    )
  )
    return `${deps.ui.base(req, 'storefront')}/cart`;
  if (error.code === 'WZ_CHECKOUT_STEP_INCOMPLETE')
    return stepUrl(deps, req, String(error.details?.missing ?? '') as CheckoutStep);
  return stepUrl(deps, req, 'review');
}

/** Runs a page handler; a refusal the shopper can act on becomes a redirect with an error flash. */
function page(deps: CheckoutDeps, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500 || error.status === 403 || res.headersSent) throw error;
      deps.ui.redirectWithFlash(res, recoveryUrl(deps, req, error), {
        type: 'error',
        message: problemText(deps, req, error),
      });
    }
  };
}

/** What every step page shows: the progress bar, the cart beside the form, the form token. */
async function stepLocals(deps: CheckoutDeps, req: Request, res: Response, current: CheckoutStep): Promise<Locals> {
  const { shopper, cart } = await shopperWithCart(deps, req);
  const { state, options } = await deps.checkout.state(shopper.ctx, cart.id);
  const prefill = await deps.checkout.prefill(shopper.ctx);
  return {
    title: deps.ui.t(req, `checkout.titles.${current}`),
    steps: stepNav(deps, req, state, current),
    step: current,
    state,
    summary: cartSummary(cart),
    ...choices(options, state),
    csrf: csrfFor(deps, req, res),
    action: stepUrl(deps, req, current),
    cartUrl: `${deps.ui.base(req, 'storefront')}/cart`,
    customer: shopper.customer,
    prefill,
    cart,
  };
}

/** A step's own form values: what was posted (after an error), else what is saved, else the customer's prefill. */
function formLocals(
  deps: CheckoutDeps,
  req: Request,
  step: CheckoutFillStep,
  locals: Locals,
  posted?: Record<string, unknown>,
  errors: Record<string, string | undefined> = {},
): Locals {
  const state = locals.state as CheckoutState;
  const prefill = locals.prefill as Prefill;
  if (step === 'contact') return { email: posted ? posted.email : (state.email ?? prefill.email ?? ''), errors };
  if (step !== 'address') return { errors };
  const shipping = posted?.shippingAddress ?? state.shippingAddress ?? firstAddress(prefill);
  const billingSame = posted ? posted.billingSameAsShipping !== false : state.billingSameAsShipping;
  return {
    shippingFields: addressFields(deps, req, 'shipping', shipping as never, errors),
    billingFields: addressFields(
      deps,
      req,
      'billing',
      (posted?.billingAddress ?? state.billingAddress) as never,
      errors,
    ),
    billingSame,
    savedAddresses: prefill.addresses,
    errors,
  };
}

/** Checks that the steps before `step` are complete (else 409, which redirects to the missing one) and renders it. */
async function showStep(deps: CheckoutDeps, req: Request, res: Response, step: CheckoutFillStep): Promise<void> {
  const locals = await stepLocals(deps, req, res, step);
  const state = locals.state as CheckoutState;
  const order = FILL_STEPS.indexOf(step);
  if (state.next !== 'review' && FILL_STEPS.indexOf(state.next as CheckoutFillStep) < order) {
    return deps.ui.redirectWithFlash(res, stepUrl(deps, req, state.next), {
      type: 'info',
      message: deps.ui.t(req, 'checkout.flash.stepFirst'),
    });
  }
  res.render(`checkout/storefront/${step}`, { ...locals, ...formLocals(deps, req, step, locals) });
}

/** Saves a step's form; invalid input renders the form again with each field's error (400). */
async function saveStep(deps: CheckoutDeps, req: Request, res: Response, step: CheckoutFillStep): Promise<void> {
  checkForm(deps, req);
  const body = stepFromForm(step, (req.body ?? {}) as Record<string, unknown>);
  const { shopper, cartId } = await shopperWithCartId(deps, req);
  let saved;
  try {
    saved = await deps.checkout.update(shopper.ctx, cartId, step, parseStep(step, body));
  } catch (error) {
    if (!isWizamartError(error) || (error.code !== 'WZ_VALIDATION' && error.status !== 422)) throw error;
    const flat = Object.fromEntries(
      Object.entries(req.body ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]),
    );
    const errors = error.code === 'WZ_VALIDATION' ? fieldErrors(deps, req, fieldErrorsOf(error), flat) : {};
    const locals = await stepLocals(deps, req, res, step);
    res.status(error.status).render(`checkout/storefront/${step}`, {
      ...locals,
      ...formLocals(deps, req, step, locals, body, errors),
      error: problemText(deps, req, error as WizamartError),
    });
    return;
  }
  res.redirect(303, stepUrl(deps, req, saved.state.next));
}

/** The review: the server's quote, addresses, shipping and payment, and the place-order form with a fresh key. */
async function showReview(deps: CheckoutDeps, req: Request, res: Response): Promise<void> {
  const locals = await stepLocals(deps, req, res, 'review');
  const state = locals.state as CheckoutState;
  if (state.next !== 'review')
    return deps.ui.redirectWithFlash(res, stepUrl(deps, req, state.next), {
      type: 'info',
      message: deps.ui.t(req, 'checkout.flash.stepFirst'),
    });
  const cart = locals.cart as CartView;
  if (!cart.ready)
    return deps.ui.redirectWithFlash(res, locals.cartUrl as string, {
      type: 'error',
      message: deps.ui.t(req, 'checkout.errors.WZ_CHECKOUT_CART_NOT_READY'),
    });
  const quote = await deps.checkout.quote(contextOf(req), cart.lines, state.shippingCode);
  const options = locals as unknown as CheckoutOptions;
  res.render('checkout/storefront/review', {
    ...locals,
    quote: { ...quote, lines: withOptions(quote.lines) },
    idempotencyKey: randomUUID(),
    placeUrl: stepUrl(deps, req, '').concat('/place'),
    shippingName: options.shipping.find((option) => option.code === state.shippingCode)?.name,
    providerName: options.providers.find((provider) => provider.code === state.paymentProvider)?.name,
    inputs: providerInputs(deps, req, state.paymentProvider),
  });
}

/** The review form's post: placed → the confirmation page; refused → back where the shopper can fix it. */
async function placeFromPage(deps: CheckoutDeps, req: Request, res: Response): Promise<void> {
  checkForm(deps, req);
  const form = (req.body ?? {}) as Record<string, unknown>;
  const { response } = await placeFor(deps, req, res, form.idempotencyKey, placeFromForm(form));
  if (response.status === 201) {
    // The confirmation page says it all; no flash on top.
    return res.redirect(303, (JSON.parse(response.body) as PlacedOrder).confirmationUrl);
  }
  const { error } = JSON.parse(response.body) as {
    error: { code: string; message: string; details: Record<string, unknown> };
  };
  deps.ui.redirectWithFlash(res, recoveryUrl(deps, req, error), {
    type: 'error',
    message: problemText(deps, req, error),
  });
}

/**
 * `/storefront/<store>/checkout/…`: one page per step (forms post back and redirect), the review and the confirmation.
 */
export function storefrontPageRoutes(routes: PluginRoutes, deps: CheckoutDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get(
    '/',
    page(deps, async (req, res) => {
      const { shopper, cartId } = await shopperWithCartId(deps, req);
      res.redirect(303, stepUrl(deps, req, (await deps.checkout.state(shopper.ctx, cartId)).state.next));
    }),
  );
  for (const step of FILL_STEPS) {
    router.get(
      `/${step}`,
      page(deps, (req, res) => showStep(deps, req, res, step)),
    );
    router.post(
      `/${step}`,
      page(deps, (req, res) => saveStep(deps, req, res, step)),
    );
  }
  router.get(
    '/review',
    page(deps, (req, res) => showReview(deps, req, res)),
  );
  router.post(
    '/place',
    page(deps, (req, res) => placeFromPage(deps, req, res)),
  );
  router.get('/complete/:orderId', async (req, res) => {
    const shopper = await resolveShopper(deps, req);
    const order = await placedOrder(deps, shopper, parseOrderId(req.params));
    const base = deps.ui.base(req, 'storefront');
    res.render('checkout/storefront/complete', {
      title: deps.ui.t(req, 'checkout.titles.complete'),
      order: { ...order, lines: withOptions(order.lines) },
      customer: shopper.customer,
      productsUrl: `${base}/products`,
      ordersUrl: shopper.customer ? `${base}/orders` : `${base}/orders/lookup`,
    });
  });
  return router;
}
