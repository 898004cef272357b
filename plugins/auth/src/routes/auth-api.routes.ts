import { contextOf, permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { AuthService, StaffSignIn } from '../index.js';
import { jarOf } from '../http/cookies.js';
import { parseLogin } from './login.schema.js';

/**
 * The admin and store API roots (`/api/v1/admin/…`, `/api/v1/store/<store>/…`): `POST /auth/login` →
 * `{ token, expiresAt }`, `POST /auth/logout` (revokes the token, clears the cookie), `GET /me` and `GET /auth/me`.
 */
export function authApi(routes: PluginRoutes, signIn: StaffSignIn, auth: AuthService): Router {
  const router = routes.router();
  router.post('/auth/login', publicAccess(), async (req, res) => {
    res.json(await signIn.login(contextOf(req), parseLogin(req.body)));
  });
  router.post('/auth/logout', publicAccess(), async (req, res) => {
    const ctx = contextOf(req);
    const cookies = jarOf(req, res);
    await auth.revoke(ctx, cookies);
    await auth.endSession(ctx, cookies);
    res.status(204).end();
  });
  const me = permit();
  router.get('/me', me, (req, res) => {
    res.json(signIn.profile(contextOf(req)));
  });
  router.get('/auth/me', me, (req, res) => {
    res.json(signIn.profile(contextOf(req)));
  });
  return router;
}
