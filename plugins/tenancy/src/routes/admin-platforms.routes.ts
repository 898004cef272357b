import { permit, hostErrors, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { validate } from './validators.js';

/** `/api/v1/admin/tenancy/platforms`: list, create, read and edit platforms (host service, audited). */
export function adminPlatformsApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.use(permit());
  router.get('/platforms', async (_req, res) => {
    res.json({ items: await tenancy.platforms.list() });
  });
  router.post('/platforms', async (req, res) => {
    res.status(201).json(await tenancy.platforms.create(actorOf(req), validate.platformCreate(req.body)));
  });
  router.get('/platforms/:code', async (req, res) => {
    const platform = await tenancy.platforms.get(req.params.code);
    if (!platform) throw hostErrors.WZ_PLATFORM_NOT_FOUND({ platform: req.params.code });
    res.json(platform);
  });
  router.patch('/platforms/:code', async (req, res) => {
    res.json(await tenancy.platforms.update(actorOf(req), req.params.code, validate.platformUpdate(req.body)));
  });
  return router;
}
