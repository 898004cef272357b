import { contextOf, type PluginRoutes, publicAccess } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { CatalogDeps } from './deps.js';
import { parseSlug, parseStorefrontList } from './validators.js';

/** `/api/v1/storefront/<store>/catalog/…`: active products (search, filters, paging), a product, the category tree. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: CatalogDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/products', async (req, res) => {
    const filter = parseStorefrontList(req.query);
    res.json(await deps.storefront.list(contextOf(req), filter));
  });
  router.get('/products/:slug', async (req, res) => {
    const slug = parseSlug(req.params);
    const found = await deps.storefront.product(contextOf(req), slug);
    const { descriptionHtml: _html, summary: _summary, ...product } = found;
    res.json(product);
  });
  router.get('/categories', async (req, res) => {
    res.json({ items: await deps.storefront.categoryTree(contextOf(req)) });
  });
  return router;
}
