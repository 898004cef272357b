import { contextOf, isWizamartError, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { InventoryDeps } from './deps.js';
import { parseList, parseLocation, parseStockChange } from './validators.js';
import { INVENTORY_PERMISSIONS } from '../index.js';

const stockUrl = (deps: InventoryDeps, req: Request) => `${deps.ui.base(req, 'store')}/inventory`;

/** A stock form post (urlencoded strings) as stock change input. */
function changeFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const number = (name: string) => (body[name] === undefined || body[name] === '' ? undefined : Number(body[name]));
  const change: Record<string, unknown> = {
    variantId: String(body.variantId ?? ''),
    reason: String(body.reason ?? ''),
  };
  if (body.mode === 'set') change.onHand = number('quantity');
  else change.delta = number('quantity');
  if (body.note) change.note = String(body.note);
  if (body.locationId) change.locationId = String(body.locationId);
  return change;
}

/** A refused stock change, shown on its row: what was typed and the message beside the quantity. */
interface FailedChange {
  variantId: string;
  mode: string;
  quantity: string;
  reason: string;
  error: string;
}

function failedChange(deps: InventoryDeps, req: Request, error: unknown): FailedChange {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const { message, fields } = deps.ui.formErrors(req, error);
  const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  const quantityError = fields.delta ?? fields.onHand ?? Object.values(fields)[0] ?? message;
  const typed = {
    variantId: text('variantId'),
    mode: text('mode'),
    quantity: text('quantity'),
    reason: text('reason'),
  };
  return { ...typed, error: quantityError };
}

/** A refused post of the stock page: a stock change (shown on its row) or a new location (beside its form). */
interface Refused {
  status: number;
  failed?: FailedChange;
  location?: { values: Record<string, string>; error: string; errors: Record<string, string> };
}

/** The stock page; after a refused change, with status 400/409 and the change's row showing its message. */
async function renderStock(deps: InventoryDeps, req: Request, res: Response, refused?: Refused) {
  const filter = parseList(req.query);
  const ctx = contextOf(req);
  const [page, locations] = await Promise.all([deps.stock.overview(ctx, filter), deps.stock.locations(ctx)]);
  const pages = Math.max(1, Math.ceil(page.total / filter.pageSize));
  // Absolute: after a refused post the page is shown at `…/inventory/changes`.
  const link = (n: number) =>
    `${stockUrl(deps, req)}?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), page: String(n) })}`;
  const failed = refused?.failed;
  const items = page.items.map((item) => (failed && item.id === failed.variantId ? { ...item, failed } : item));
  res.status(refused?.status ?? 200).render('inventory/store/stock', {
    title: deps.ui.t(req, 'inventory.stock.title'),
    ...page,
    items,
    locations,
    q: filter.q,
    page: filter.page,
    pages,
    error: failed ? deps.ui.t(req, 'inventory.stock.refused') : undefined,
    location: refused?.location,
    previous: filter.page > 1 ? link(filter.page - 1) : undefined,
    next: filter.page < pages ? link(filter.page + 1) : undefined,
  });
}

/** `/store/<store>/inventory/…`: stock per variant with a change form, and the low-stock view. */
export function storePageRoutes(routes: PluginRoutes, deps: InventoryDeps): Router {
  const router = routes.router();
  router.get('/', permit(INVENTORY_PERMISSIONS.view), (req, res) => renderStock(deps, req, res));
  router.get('/low', permit(INVENTORY_PERMISSIONS.view), async (req, res) => {
    const items = await deps.stock.lowStock(contextOf(req));
    res.render('inventory/store/low', { title: deps.ui.t(req, 'inventory.low.title'), items });
  });
  router.post('/locations', permit(INVENTORY_PERMISSIONS.manage), async (req, res) => {
    const values = { code: String(req.body?.code ?? '').trim(), name: String(req.body?.name ?? '').trim() };
    try {
      await deps.stock.addLocation(contextOf(req), parseLocation(values));
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500 || error.status === 403 || error.status === 404) throw error;
      const { message, fields } = deps.ui.formErrors(req, error);
      const location = { values, error: message, errors: fields };
      return renderStock(deps, req, res, { status: error.status, location });
    }
    deps.ui.redirectWithFlash(res, stockUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'inventory.flash.locationAdded'),
    });
  });
  router.post('/changes', permit(INVENTORY_PERMISSIONS.manage), async (req, res) => {
    try {
      const change = parseStockChange(changeFromForm(req.body ?? {}));
      await deps.stock.change(contextOf(req), change);
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500 || error.status === 403 || error.status === 404) throw error;
      return renderStock(deps, req, res, { status: error.status, failed: failedChange(deps, req, error) });
    }
    deps.ui.redirectWithFlash(res, stockUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'inventory.flash.changed'),
    });
  });
  return router;
}
