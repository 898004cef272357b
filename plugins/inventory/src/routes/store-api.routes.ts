import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { InventoryDeps } from './deps.js';
import { parseList, parseLocation, parseStockChange } from './validators.js';
import { INVENTORY_PERMISSIONS } from '../index.js';

/** `/api/v1/store/<store>/inventory/…`: locations, stock per variant, stock changes, movements and low stock. */
export function storeApiRoutes(routes: PluginRoutes, deps: InventoryDeps): Router {
  const router = routes.router();
  router.get('/locations', permit(INVENTORY_PERMISSIONS.view), async (req, res) => {
    res.json({ items: await deps.stock.locations(contextOf(req)) });
  });
  router.post('/locations', permit(INVENTORY_PERMISSIONS.manage), async (req, res) => {
    const input = parseLocation(req.body);
    res.status(201).json(await deps.stock.addLocation(contextOf(req), input));
  });
  router.get('/stock', permit(INVENTORY_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    res.json({ ...(await deps.stock.overview(contextOf(req), filter)), page: filter.page, pageSize: filter.pageSize });
  });
  router.get('/stock/low', permit(INVENTORY_PERMISSIONS.view), async (req, res) => {
    res.json({ items: await deps.stock.lowStock(contextOf(req)) });
  });
  router.post('/stock/changes', permit(INVENTORY_PERMISSIONS.manage), async (req, res) => {
    const change = parseStockChange(req.body);
    res.status(201).json(await deps.stock.change(contextOf(req), change));
  });
  router.get('/movements', permit(INVENTORY_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const items = await deps.stock.movements(contextOf(req), filter);
    res.json({ items, page: filter.page, pageSize: filter.pageSize });
  });
  return router;
}
