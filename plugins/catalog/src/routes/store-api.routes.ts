import { contextOf, permit, type PluginRoutes, requireStore } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { ProductDetailRecord } from '../model.js';
import { descendantIds } from '../services/category.service.js';
import { type CatalogDeps } from './deps.js';
import {
  parseBulkStatus,
  parseCategory,
  parseCategoryPatch,
  parseId,
  parseProduct,
  parseStoreList,
} from './validators.js';
import { CATALOG_PERMISSIONS } from '../index.js';

/** A product as the store API returns it (no store id). */
export function productJson(product: ProductDetailRecord) {
  const { storeId: _storeId, ...rest } = product;
  return rest;
}

function productApi(router: Router, deps: CatalogDeps): void {
  router.get('/products', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    const ctx = contextOf(req);
    const filter = parseStoreList(req.query);
    const categoryIds = filter.category ? descendantIds(await deps.categories.list(ctx), filter.category) : undefined;
    const page = await deps.products.list(ctx, { ...filter, categoryIds });
    res.json({
      items: page.items.map(({ storeId: _s, ...item }) => item),
      total: page.total,
      page: filter.page,
      pageSize: filter.pageSize,
    });
  });
  router.get('/products.csv', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    const ctx = contextOf(req);
    const csv = await deps.products.exportCsv(ctx);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`products-${requireStore(ctx).code}.csv`)
      .send(csv);
  });
  router.post('/products', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const input = parseProduct(req.body);
    res.status(201).json(productJson(await deps.products.create(contextOf(req), input)));
  });
  router.post('/products/status', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const input = parseBulkStatus(req.body);
    const ids = input.ids.map((id) => id.toLowerCase());
    res.json({ updated: await deps.products.setStatus(contextOf(req), ids, input.status) });
  });
  router.get('/products/:id', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    res.json(productJson(await deps.products.get(contextOf(req), parseId(req.params))));
  });
  router.put('/products/:id', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const id = parseId(req.params);
    const input = parseProduct(req.body);
    res.json(productJson(await deps.products.update(contextOf(req), id, input)));
  });
  router.delete('/products/:id', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    await deps.products.delete(contextOf(req), parseId(req.params));
    res.status(204).end();
  });
}

function categoryApi(router: Router, deps: CatalogDeps): void {
  router.get('/categories', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    res.json({ items: await deps.categories.tree(contextOf(req)) });
  });
  router.post('/categories', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const input = parseCategory(req.body);
    res.status(201).json(await deps.categories.create(contextOf(req), input));
  });
  router.patch('/categories/:id', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const id = parseId(req.params);
    const input = parseCategoryPatch(req.body);
    res.json(await deps.categories.update(contextOf(req), id, input));
  });
  router.delete('/categories/:id', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    await deps.categories.delete(contextOf(req), parseId(req.params));
    res.status(204).end();
  });
}

/** `/api/v1/store/<store>/catalog/…`: products (CRUD, bulk status, CSV export) and categories for staff. */
export function storeApiRoutes(routes: PluginRoutes, deps: CatalogDeps): Router {
  const router = routes.router();
  productApi(router, deps);
  categoryApi(router, deps);
  return router;
}
