import type { PluginContext } from '@wizamart/plugin-sdk';
import type { Tenancy } from '../tenancy.js';
import { adminMerchantsApi } from './admin-merchants.routes.js';
import { adminPluginsApi } from './admin-plugins.routes.js';
import { adminPlatformsApi } from './admin-platforms.routes.js';
import { adminStoresApi } from './admin-stores.routes.js';
import { adminUsersApi } from './admin-users.routes.js';
import { authApi } from './auth.routes.js';
import { storeTeamApi } from './store-team.routes.js';

/**
 * Mounts tenancy's JSON APIs. Sign-in, sign-out and `me` go to the admin and store API roots, so they answer at
 * `/api/v1/admin/auth/login`, `/api/v1/admin/me`, … whether or not the `auth` plugin (sign-in pages) is installed.
 */
export function mountApis(ctx: PluginContext, tenancy: Tenancy): void {
  const { routes } = ctx;
  for (const api of [adminPlatformsApi, adminMerchantsApi, adminStoresApi, adminUsersApi]) routes.api('admin', api(routes, tenancy));
  routes.api('store', storeTeamApi(routes, tenancy));
  routes.apiRoot('admin', authApi(routes, tenancy));
  routes.apiRoot('admin', adminPluginsApi(routes, tenancy));
  routes.apiRoot('store', authApi(routes, tenancy));
}
