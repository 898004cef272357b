import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { paging, validate } from './validators.js';

/** `/api/v1/admin/tenancy/admins` (platform admins) and `/audit` (the audit log). */
export function adminUsersApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.use(permit());
  router.get('/admins', async (req, res) => {
    const { q, page, pageSize } = paging(req.query);
    res.json(await tenancy.users.admins(q, page, pageSize));
  });
  router.post('/admins', async (req, res) => {
    res.status(201).json(await tenancy.users.addAdmin(actorOf(req), validate.adminCreate(req.body)));
  });
  router.delete('/admins/:id', async (req, res) => {
    await tenancy.users.removeAdmin(actorOf(req), validate.id(req.params.id));
    res.status(204).end();
  });
  router.get('/audit', async (req, res) => {
    const { page, pageSize, action } = paging(req.query);
    res.json(await tenancy.audit.list({ action }, page, pageSize));
  });
  return router;
}
