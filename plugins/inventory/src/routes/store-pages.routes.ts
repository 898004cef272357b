import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Router } from 'express';
import { actorOf, currentStore, type InventoryDeps } from './deps.js';
import { parseList, parseLocation, parseStockChange } from './validators.js';

const stockUrl = (deps: InventoryDeps, req: Request) => `${deps.ui.base(req, 'store')}/inventory`;

/** A stock form post (urlencoded strings) as stock change input. */
function changeFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const number = (name: string) => (body[name] === undefined || body[name] === '' ? undefined : Number(body[name]));
  const change: Record<string, unknown> = { variantId: String(body.variantId ?? ''), reason: String(body.reason ?? '') };
  if (body.mode === 'set') change.onHand = number('quantity');
  else change.delta = number('quantity');
  if (body.note) change.note = String(body.note);
  if (body.locationId) change.locationId = String(body.locationId);
  return change;
}

/** `/store/<store>/inventory/…`: stock per variant with a change form, and the low-stock view. */
export function storePageRoutes(routes: PluginRoutes, deps: InventoryDeps): Router {
  const router = routes.router();
  router.get('/', permit('inventory.view'), async (req, res) => {
    const filter = parseList(req.query);
    const store = await currentStore(deps, req);
    const [page, locations] = await Promise.all([deps.stock.overview(store, filter), deps.stock.locations(store)]);
    const pages = Math.max(1, Math.ceil(page.total / filter.pageSize));
    const link = (n: number) => `?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), page: String(n) })}`;
    res.render('inventory/store/stock', {
      title: deps.ui.t(req, 'inventory.stock.title'), ...page, locations, q: filter.q, page: filter.page, pages,
      previous: filter.page > 1 ? link(filter.page - 1) : undefined, next: filter.page < pages ? link(filter.page + 1) : undefined,
    });
  });
  router.get('/low', permit('inventory.view'), async (req, res) => {
    const items = await deps.stock.lowStock(await currentStore(deps, req));
    res.render('inventory/store/low', { title: deps.ui.t(req, 'inventory.low.title'), items });
  });
  router.post('/locations', permit('inventory.manage'), async (req, res) => {
    const input = parseLocation({ code: String(req.body?.code ?? '').trim(), name: String(req.body?.name ?? '').trim() });
    await deps.stock.addLocation(await currentStore(deps, req), input);
    deps.ui.redirectWithFlash(res, stockUrl(deps, req), { type: 'success', message: deps.ui.t(req, 'inventory.flash.locationAdded') });
  });
  router.post('/changes', permit('inventory.manage'), async (req, res) => {
    const change = parseStockChange(changeFromForm(req.body ?? {}));
    await deps.stock.change(await currentStore(deps, req), actorOf(req), change);
    deps.ui.redirectWithFlash(res, stockUrl(deps, req), { type: 'success', message: deps.ui.t(req, 'inventory.flash.changed') });
  });
  return router;
}
