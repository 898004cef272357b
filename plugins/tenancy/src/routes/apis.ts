import type { PluginContext } from '@wizamart/plugin-sdk';
import type { Tenancy } from '../tenancy.js';
import { adminMerchantsApi } from './admin-merchants.routes.js';
import { adminPlatformsApi } from './admin-platforms.routes.js';
import { adminStoresApi } from './admin-stores.routes.js';
import { adminUsersApi } from './admin-users.routes.js';
import { storeTeamApi } from './store-team.routes.js';

/** Mounts tenancy's JSON APIs (sign-in, sign-out and `me` are the `auth` plugin's). */
export function mountApis(ctx: PluginContext, tenancy: Tenancy): void {
  const { routes } = ctx;
  for (const api of [adminPlatformsApi, adminMerchantsApi, adminStoresApi, adminUsersApi])
    routes.api('admin', api(routes, tenancy));
  routes.api('store', storeTeamApi(routes, tenancy));
}
