import { isWizamartError, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import { cartEmpty, jsonRequired } from '../errors.js';
import { IDEMPOTENCY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '../index.js';
import type { StoredResponse } from '../model.js';
import { requireReady } from '../services/cart-check.js';
import { parseIdempotencyKey } from '../services/idempotency.js';
import { FILL_STEPS } from '../services/steps.js';
import {
  placedOrder,
  placerFor,
  resolveShopper,
  shopperWithCart,
  shopperWithCartId,
  type CheckoutDeps,
} from './deps.js';
import { parseOrderId, parsePlace, parseStep } from './validators.js';

/**
 * Changes must be JSON: a cross-site HTML form can only send form or text bodies (signed-in shoppers' cookie
 * sessions are CSRF-checked by auth's `auth` stage too). An empty body is allowed where none is needed.
 */
function requireJson(req: Request): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) throw jsonRequired();
}

/** Sends a stored placement response as it was first sent (same status, same bytes). */
export function sendStored(res: Response, response: StoredResponse, replayed: boolean): void {
  if (replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
  res.status(response.status).type('application/json').send(response.body);
}

/** Places the shopper's cart for an API or form request (Retry-After on a key still in progress). */
export async function placeFor(deps: CheckoutDeps, req: Request, res: Response, key: unknown, body: unknown) {
  try {
    const idempotencyKey = parseIdempotencyKey(key);
    const request = parsePlace(body);
    const shopper = await resolveShopper(deps, req);
    if (!shopper.scope) throw cartEmpty();
    return await deps.placement.place(shopper.ctx, placerFor(deps, req, shopper), idempotencyKey, request);
  } catch (error) {
    if (isWizamartError(error) && error.code === 'WZ_IDEMPOTENCY_IN_PROGRESS')
      res.set('Retry-After', String(error.details.retryAfter ?? 1));
    throw error;
  }
}

/** `/api/v1/storefront/<store>/checkout/…`: the checkout state, its steps, the review and the placement. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: CheckoutDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/', async (req, res) => {
    const { shopper, cart } = await shopperWithCart(deps, req);
    const { state, options } = await deps.checkout.state(shopper.ctx, cart.id);
    res.json({ state, options, prefill: await deps.checkout.prefill(shopper.ctx), cart });
  });
  for (const step of FILL_STEPS) {
    router.put(`/${step}`, async (req, res) => {
      requireJson(req);
      const input = parseStep(step, req.body ?? {});
      const { shopper, cartId } = await shopperWithCartId(deps, req);
      res.json(await deps.checkout.update(shopper.ctx, cartId, step, input));
    });
  }
  router.get('/review', async (req, res) => {
    const { shopper, cart } = await shopperWithCart(deps, req);
    const { data } = await deps.checkout.complete(shopper.ctx, cart.id);
    requireReady(cart);
    const { state } = await deps.checkout.state(shopper.ctx, cart.id);
    res.json({ state, quote: await deps.checkout.quote(shopper.ctx, cart.lines, data.shippingCode), cart });
  });
  router.post('/place', async (req, res) => {
    requireJson(req);
    const { response, replayed } = await placeFor(deps, req, res, req.get(IDEMPOTENCY_HEADER), req.body ?? {});
    sendStored(res, response, replayed);
  });
  router.get('/orders/:orderId', async (req, res) => {
    const orderId = parseOrderId(req.params);
    res.json(await placedOrder(deps, await resolveShopper(deps, req), orderId));
  });
  return router;
}
