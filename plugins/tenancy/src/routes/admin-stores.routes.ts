import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { paging, validate } from './validators.js';

/** `/api/v1/admin/tenancy/stores`: stores (search and paging), status and custom domains. */
export function adminStoresApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.use(permit());
  router.get('/stores', async (req, res) => {
    const { q, page, pageSize, platform, status } = paging(req.query);
    res.json(await tenancy.stores.search({ q, platform, status }, page, pageSize));
  });
  router.post('/stores', async (req, res) => {
    res.status(201).json(await tenancy.stores.create(actorOf(req), validate.storeCreate(req.body)));
  });
  router.get('/stores/:code', async (req, res) => {
    const store = await tenancy.stores.get(req.params.code);
    res.json({ ...store, domains: await tenancy.stores.domains(store.code) });
  });
  router.patch('/stores/:code', async (req, res) => {
    res.json(await tenancy.stores.update(actorOf(req), req.params.code, validate.storeUpdate(req.body)));
  });
  router.post('/stores/:code/suspend', async (req, res) => {
    res.json(await tenancy.stores.setStatus(actorOf(req), req.params.code, 'suspended'));
  });
  router.post('/stores/:code/activate', async (req, res) => {
    res.json(await tenancy.stores.setStatus(actorOf(req), req.params.code, 'active'));
  });
  router.get('/stores/:code/domains', async (req, res) => {
    res.json({ items: await tenancy.stores.domains(req.params.code) });
  });
  router.post('/stores/:code/domains', async (req, res) => {
    res
      .status(201)
      .json(await tenancy.stores.addDomain(actorOf(req), req.params.code, validate.domain(req.body).domain));
  });
  router.delete('/stores/:code/domains/:domain', async (req, res) => {
    await tenancy.stores.removeDomain(actorOf(req), req.params.code, req.params.domain);
    res.status(204).end();
  });
  return router;
}
