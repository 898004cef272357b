import { publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Router } from 'express';
import { jsonRequired } from '../errors.js';
import { keepGuest, shopperOf, type CartDeps } from './deps.js';
import { parseAddLine, parseLineId, parseSetQuantity } from './validators.js';

/**
 * Writes with a body must be JSON: a cross-site HTML form can only send form or text bodies, so a guest's cart cannot
 * be changed from another site (signed-in shoppers' cookie sessions are CSRF-checked by auth's `auth` stage too).
 */
function requireJson(req: Request): void {
  if (!req.is('application/json')) throw jsonRequired();
}

/** `/api/v1/storefront/<store>/cart/…`: the shopper's cart, add a line, change or remove a line, empty the cart. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: CartDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/', async (req, res) => {
    const shopper = await shopperOf(deps, req, res);
    res.json(await deps.carts.current(shopper.ctx, shopper.owner));
  });
  router.post('/lines', async (req, res) => {
    requireJson(req);
    const input = parseAddLine(req.body);
    const shopper = await shopperOf(deps, req, res, true);
    const cart = await deps.carts.add(shopper.ctx, shopper.owner!, input);
    keepGuest(req, res, shopper);
    res.status(201).json(cart);
  });
  router.patch('/lines/:lineId', async (req, res) => {
    requireJson(req);
    const lineId = parseLineId(req.params);
    const { quantity } = parseSetQuantity(req.body);
    const shopper = await shopperOf(deps, req, res, true);
    res.json(await deps.carts.setQuantity(shopper.ctx, shopper.owner!, lineId, quantity));
  });
  router.delete('/lines/:lineId', async (req, res) => {
    const lineId = parseLineId(req.params);
    const shopper = await shopperOf(deps, req, res, true);
    res.json(await deps.carts.removeLine(shopper.ctx, shopper.owner!, lineId));
  });
  router.delete('/', async (req, res) => {
    const shopper = await shopperOf(deps, req, res);
    const { ctx, owner } = shopper;
    res.json(owner ? await deps.carts.clearOwn(ctx, owner) : await deps.carts.current(ctx, undefined));
  });
  return router;
}
