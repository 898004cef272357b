import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { paging, validate } from './validators.js';

/** `/api/v1/admin/tenancy/merchants`: merchant CRUD. */
export function adminMerchantsApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.use(permit());
  router.get('/merchants', async (req, res) => {
    const { q, page, pageSize } = paging(req.query);
    res.json(await tenancy.merchants.list(q, page, pageSize));
  });
  router.post('/merchants', async (req, res) => {
    res.status(201).json(await tenancy.merchants.create(actorOf(req), validate.merchantCreate(req.body)));
  });
  router.get('/merchants/:id', async (req, res) => {
    res.json(await tenancy.merchants.get(validate.id(req.params.id)));
  });
  router.patch('/merchants/:id', async (req, res) => {
    res.json(
      await tenancy.merchants.update(actorOf(req), validate.id(req.params.id), validate.merchantUpdate(req.body)),
    );
  });
  router.delete('/merchants/:id', async (req, res) => {
    await tenancy.merchants.remove(actorOf(req), validate.id(req.params.id));
    res.status(204).end();
  });
  return router;
}
