import { errorBody, hostErrors, wantsJson, type RequestTenant, type StoreRef } from '@wizamart/plugin-sdk';
import type { Store } from '../index.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { storeNotFound } from '../errors.js';
import type { CachedStoreDirectory } from '../services/store-directory.js';
import type { TenantResolver } from './tenant-resolution.js';

/**
 * The `tenant` stage: sets `req.wz.tenant` from the Host header and path, rewrites a storefront's own-host URLs to
 * their path-mode form, and answers a friendly 404 for unknown or suspended stores.
 */
export function createTenantStage(resolver: TenantResolver, stores: CachedStoreDirectory): RequestHandler {
  return async (req, res, next) => {
    const resolution = await resolver.resolve(req, req.wz.tenant);
    req.wz.tenant = resolution.tenant;
    if (resolution.store) {
      stores.remember(req, resolution.store);
      req.wz.store = storeRefOf(resolution.store, resolution.tenant);
    }
    if (resolution.url) req.url = resolution.url;
    if (resolution.missingStore !== undefined) return storeMissing(req, res, next, resolution.missingStore);
    if (resolution.noRoute) return next(hostErrors.WZ_NOT_FOUND({ method: req.method, path: req.path }));
    next();
  };
}

/** The store as the request context carries it, with its storefront's link base on this host. */
export function storeRefOf(store: Store, tenant: RequestTenant): StoreRef {
  const { id, code, name, merchantId, platform, currency, locale } = store;
  const ownHost = tenant.mode === 'domain' || tenant.mode === 'subdomain';
  return {
    id,
    code,
    name,
    merchantId,
    platform,
    currency,
    locale,
    base: ownHost ? '' : `/storefront/${encodeURIComponent(code)}`,
  };
}

/**
 * 404 `WZ_TENANCY_STORE_NOT_FOUND`: JSON for APIs, else the store-not-found page (the host's error page if that fails).
 */
function storeMissing(req: Request, res: Response, next: NextFunction, code: string): void {
  const error = storeNotFound(code);
  const body = errorBody(error);
  if (wantsJson(req)) {
    res.status(error.status).json(body);
    return;
  }
  // Core's theme stage has not run (it follows this one): give the storefront layout what it reads.
  const base = req.wz.tenant.base ?? '';
  const wz = {
    surface: 'storefront',
    base,
    home: base || '/',
    platform: req.wz.tenant.platform,
    lang: 'en',
    assets: '/static/modules/core',
    storeName: 'Wizamart',
    menu: [],
    flash: [],
  };
  const view = { title: 'Store not found', code, error: body.error, requestId: req.wz.id, wz };
  res.status(error.status).render('tenancy/storefront/store-not-found', view, (renderError, html) => {
    if (renderError) return next(error);
    res.send(html);
  });
}
