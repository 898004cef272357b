import { contextOf, permit, type PluginRoutes, requireStore } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { parseId, parseList, parseProfile } from '../validators.js';
import { type CustomersDeps } from './deps.js';
import { CUSTOMER_PERMISSIONS } from '../index.js';

/** `/api/v1/store/<store>/customers/…`: the store's customers for staff (list with search and paging, detail). */
export function storeApiRoutes(routes: PluginRoutes, deps: CustomersDeps): Router {
  const router = routes.router();
  router.get('/', permit(CUSTOMER_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    res.json(await deps.customers.list(requireStore(contextOf(req)), filter));
  });
  router.get('/:id', permit(CUSTOMER_PERMISSIONS.view), async (req, res) => {
    res.json(await deps.customers.detail(requireStore(contextOf(req)), parseId(req.params)));
  });
  router.patch('/:id', permit(CUSTOMER_PERMISSIONS.manage), async (req, res) => {
    const id = parseId(req.params);
    const patch = parseProfile(req.body);
    res.json(await deps.customers.updateProfile(requireStore(contextOf(req)), id, patch));
  });
  return router;
}

/** `/store/<store>/customers/…`: the customer list (search, paging) and a customer's detail page. */
export function storePageRoutes(routes: PluginRoutes, deps: CustomersDeps): Router {
  const router = routes.router();
  router.get('/', permit(CUSTOMER_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.customers.list(requireStore(contextOf(req)), filter);
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    const link = (n: number) => `?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), page: String(n) })}`;
    res.render('customers/store/list', {
      ...page,
      q: filter.q,
      pages,
      previous: page.page > 1 ? link(page.page - 1) : undefined,
      next: page.page < pages ? link(page.page + 1) : undefined,
    });
  });
  router.get('/:id', permit(CUSTOMER_PERMISSIONS.view), async (req, res) => {
    const customer = await deps.customers.detail(requireStore(contextOf(req)), parseId(req.params));
    res.render('customers/store/detail', { title: customer.name, customer });
  });
  return router;
}
