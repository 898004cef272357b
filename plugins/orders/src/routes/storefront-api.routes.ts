import { contextOf, permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { OrdersDeps } from './deps.js';
import { shopperOrder } from './shopper-view.js';
import { parseHistoryList, parseLookup } from './validators.js';
import { CUSTOMER_PERMISSIONS } from '@wizamart/plugin-customers';

/** `/api/v1/storefront/<store>/orders/…`: the signed-in customer's orders, and the guest lookup by number + email. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: OrdersDeps): Router {
  const router = routes.router();
  router.post('/lookup', publicAccess(), async (req, res) => {
    res.json(shopperOrder(await deps.shopper.lookup(contextOf(req), parseLookup(req.body))));
  });
  router.get('/', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const paging = parseHistoryList(req.query);
    const page = await deps.shopper.history(contextOf(req), paging);
    res.json({
      items: page.items.map(({ customerId: _c, ...item }) => item),
      total: page.total,
      page: paging.page,
      pageSize: paging.pageSize,
    });
  });
  router.get('/:id', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    res.json(shopperOrder(await deps.shopper.own(contextOf(req), String(req.params.id))));
  });
  return router;
}
