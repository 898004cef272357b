import { HostServices, permit, publicAccess, type PluginContext } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { platformRows, pluginOverview } from '../services/overview.js';

/** `/admin`: platform and plugin overview for signed-in admins. */
export function adminHomeRouter(ctx: PluginContext): Router {
  const router = ctx.routes.router();
  router.get('/', permit(), async (req, res) => {
    const platform = req.wz.tenant.platform;
    const directory = ctx.services.get(HostServices.plugins);
    const platforms = platformRows(await ctx.services.get(HostServices.platforms).list(), platform);
    const plugins = pluginOverview(directory.list(), (code) => directory.isEnabled(platform, code));
    res.render('core/admin/dashboard', { platforms, plugins });
  });
  return router;
}

/** `/store/<store>`: the store dashboard for signed-in staff, with the store menu as shortcuts. */
export function storeHomeRouter(ctx: PluginContext): Router {
  const router = ctx.routes.router();
  router.get('/', permit(), (_req, res) => res.render('core/store/dashboard'));
  return router;
}

/** `/storefront/<store>`: the public storefront home. */
export function storefrontHomeRouter(ctx: PluginContext): Router {
  const router = ctx.routes.router();
  router.get('/', publicAccess(), (_req, res) => res.render('core/storefront/home'));
  return router;
}
