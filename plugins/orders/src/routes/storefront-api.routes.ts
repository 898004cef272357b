import { permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { OrdersDeps } from './deps.js';
import { shopperOrder } from './shopper-view.js';
import { lookupOrder, ownOrder, signedInCustomer } from './storefront.js';
import { parseHistoryList, parseLookup } from './validators.js';
import { CUSTOMER_PERMISSIONS } from '@wizamart/plugin-customers';

/** `/api/v1/storefront/<store>/orders/…`: the signed-in customer's orders, and the guest lookup by number + email. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: OrdersDeps): Router {
  const router = routes.router();
  router.post('/lookup', publicAccess(), async (req, res) => {
    res.json(shopperOrder(await lookupOrder(deps, req, parseLookup(req.body))));
  });
  router.get('/', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const paging = parseHistoryList(req.query);
    const { store, customerId } = await signedInCustomer(deps, req);
    const page = await deps.orders.list(store, { customerId, ...paging });
    res.json({ items: page.items.map(({ customerId: _c, ...item }) => item), total: page.total, page: paging.page, pageSize: paging.pageSize });
  });
  router.get('/:id', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    res.json(shopperOrder(await ownOrder(deps, req, String(req.params.id))));
  });
  return router;
}
