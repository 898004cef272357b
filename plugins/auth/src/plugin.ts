import { definePlugin, type PluginContext } from '@wizamart/plugin-sdk';
import { authDeps, createAuth, type Auth, type AuthConfig } from './auth.js';
import { createAuthStage } from './http/auth.stage.js';
import { AuthServices } from './index.js';
import { authApi } from './routes/auth-api.routes.js';
import { authPages } from './routes/auth-pages.routes.js';

// Keyed by context: one process may run several hosts (tests), each with its own auth.
const instances = new WeakMap<PluginContext<AuthConfig>, Auth>();

/**
 * Wiring: the `auth` stage, the services, the sign-in API at the admin and store API roots
 * (`/api/v1/admin/auth/login`, `/api/v1/store/<store>/me`…) and the sign-in pages under the code `auth`
 * (`/admin/auth/login`, `/store/<store>/auth/login`).
 */
export default definePlugin<AuthConfig, typeof authDeps>({
  deps: authDeps,
  register(ctx, deps) {
    const auth = createAuth(ctx, deps);
    instances.set(ctx, auth);
    ctx.services.provide(AuthServices.auth, auth.auth);
    ctx.services.provide(AuthServices.signIn, auth.signIn);
    ctx.services.provide(AuthServices.rateLimits, auth.rateLimits);
    ctx.routes.use('auth', createAuthStage({ tokens: auth.tokens, sessions: auth.sessions }));
    for (const surface of ['admin', 'store'] as const) {
      ctx.routes.apiRoot(surface, authApi(ctx.routes, auth.signIn, auth.auth));
      ctx.routes.pages(surface, authPages(ctx.routes, auth.signIn, auth.auth));
    }
  },
  async start(ctx) {
    await instances.get(ctx)!.start();
  },
  async stop(ctx) {
    await instances.get(ctx)?.stop();
  },
});
