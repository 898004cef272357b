import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { TENANCY_PERMISSIONS as P } from '../index.js';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { paging, validate } from './validators.js';

/** `/api/v1/store/<store>/tenancy/…`: the store's team, roles, settings and audit log. */
export function storeTeamApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  const store = (req: Parameters<typeof tenancy.directory.current>[0]) => tenancy.directory.current(req);
  router.get('/team', permit(P.teamView), async (req, res) => {
    res.json({ items: await tenancy.team.list(await store(req)) });
  });
  router.post('/team', permit(P.teamManage), async (req, res) => {
    res.status(201).json(await tenancy.team.add(actorOf(req), await store(req), validate.memberAdd(req.body)));
  });
  router.patch('/team/:userId', permit(P.teamManage), async (req, res) => {
    res.json(
      await tenancy.team.changeRole(
        actorOf(req),
        await store(req),
        validate.id(req.params.userId),
        validate.memberRole(req.body).role,
      ),
    );
  });
  router.delete('/team/:userId', permit(P.teamManage), async (req, res) => {
    await tenancy.team.remove(actorOf(req), await store(req), validate.id(req.params.userId));
    res.status(204).end();
  });
  router.get('/roles', permit(P.teamView), async (req, res) => {
    res.json({ items: await tenancy.roles.list(await store(req)), permissions: tenancy.roles.available() });
  });
  router.post('/roles', permit(P.teamManage), async (req, res) => {
    res.status(201).json(await tenancy.roles.create(actorOf(req), await store(req), validate.roleCreate(req.body)));
  });
  router.put('/roles/:name', permit(P.teamManage), async (req, res) => {
    res.json(
      await tenancy.roles.update(
        actorOf(req),
        await store(req),
        String(req.params.name),
        validate.roleUpdate(req.body),
      ),
    );
  });
  router.delete('/roles/:name', permit(P.teamManage), async (req, res) => {
    await tenancy.roles.remove(actorOf(req), await store(req), String(req.params.name));
    res.status(204).end();
  });
  router.get('/settings', permit(), async (req, res) => {
    const { name, currency, locale, code } = await store(req);
    res.json({ code, name, currency, locale });
  });
  router.patch('/settings', permit(P.settingsManage), async (req, res) => {
    const { name, currency, locale, code } = await tenancy.stores.updateSettings(
      actorOf(req),
      await store(req),
      validate.storeSettings(req.body),
    );
    res.json({ code, name, currency, locale });
  });
  router.get('/audit', permit(P.teamManage), async (req, res) => {
    const { page, pageSize, action } = paging(req.query);
    res.json(await tenancy.audit.list({ storeId: (await store(req)).id, action }, page, pageSize));
  });
  return router;
}
