import { contextOf, permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Router } from 'express';
import { parseAddress, parseAddressPatch, parseId, parseProfile } from '../validators.js';
import { signedIn, type CustomersDeps } from './deps.js';
import { CUSTOMER_PERMISSIONS } from '../index.js';

function authApi(router: Router, deps: CustomersDeps): void {
  router.post('/auth/register', publicAccess(), async (req, res) => {
    res.status(201).json(await deps.accounts.register(contextOf(req), req.body));
  });
  router.post('/auth/login', publicAccess(), async (req, res) => {
    res.json(await deps.accounts.login(contextOf(req), req.body));
  });
  router.post('/auth/logout', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    await deps.auth.endSession(contextOf(req), cookieJar(req, res));
    res.status(204).end();
  });
}

function meApi(router: Router, deps: CustomersDeps): void {
  router.get('/me', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    res.json(await deps.accounts.me(contextOf(req)));
  });
  router.patch('/me', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const patch = parseProfile(req.body);
    const { store, customerId } = await signedIn(deps, req);
    res.json(await deps.customers.updateProfile(store, customerId, patch));
  });
}

function addressApi(router: Router, deps: CustomersDeps): void {
  router.get('/me/addresses', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const { store, customerId } = await signedIn(deps, req);
    res.json({ items: await deps.addresses.list(store, customerId) });
  });
  router.post('/me/addresses', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const fields = parseAddress(req.body);
    const { store, customerId } = await signedIn(deps, req);
    res.status(201).json(await deps.addresses.create(store, customerId, fields));
  });
  router.patch('/me/addresses/:id', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const id = parseId(req.params);
    const patch = parseAddressPatch(req.body);
    const { store, customerId } = await signedIn(deps, req);
    res.json(await deps.addresses.update(store, customerId, id, patch));
  });
  router.delete('/me/addresses/:id', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const id = parseId(req.params);
    const { store, customerId } = await signedIn(deps, req);
    await deps.addresses.delete(store, customerId, id);
    res.status(204).end();
  });
}

/**
 * `/api/v1/storefront/<store>/customers/…`: sign-up and sign-in (`auth/register`, `auth/login`, `auth/logout`), the
 * signed-in customer (`me`) and their addresses (`me/addresses`).
 */
export function storefrontApiRoutes(routes: PluginRoutes, deps: CustomersDeps): Router {
  const router = routes.router();
  authApi(router, deps);
  meApi(router, deps);
  addressApi(router, deps);
  return router;
}
