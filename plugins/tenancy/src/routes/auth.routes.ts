import { permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { Tenancy } from '../tenancy.js';
import { validate } from './validators.js';

/**
 * The admin and store API roots (`/api/v1/admin/…`, `/api/v1/store/<store>/…`): `POST /auth/login` →
 * `{ token, expiresAt }`, `POST /auth/logout` (revokes the token, clears the cookie), `GET /me` and `GET /auth/me`.
 */
export function authApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.post('/auth/login', publicAccess(), async (req, res) => {
    res.json(await tenancy.signIn.login(req, validate.login(req.body)));
  });
  router.post('/auth/logout', publicAccess(), async (req, res) => {
    await tenancy.auth.revoke(req);
    tenancy.auth.endSession(res, req);
    res.status(204).end();
  });
  const me = permit();
  router.get('/me', me, (req, res) => {
    res.json(tenancy.signIn.profile(req));
  });
  router.get('/auth/me', me, (req, res) => {
    res.json(tenancy.signIn.profile(req));
  });
  return router;
}
