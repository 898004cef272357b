import { definePlugin } from '@wizamart/plugin-sdk';
import { TenancyServices } from '@wizamart/plugin-tenancy';
import { authPages } from './auth-pages.routes.js';

/**
 * Wiring: the sign-in pages on the admin and store surfaces, under the code `auth` (`/admin/auth/login`,
 * `/store/<store>/auth/login`). The matching JSON endpoints are tenancy's, at the surfaces' API roots.
 */
export default definePlugin({
  register(ctx) {
    const signIn = ctx.services.get(TenancyServices.signIn);
    const auth = ctx.services.get(TenancyServices.auth);
    for (const surface of ['admin', 'store'] as const) ctx.routes.pages(surface, authPages(ctx.routes, signIn, auth));
  },
});
