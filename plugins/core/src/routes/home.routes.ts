import { permit, publicAccess, type PluginContext } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { CoreRouteDeps } from './deps.js';
import type { RegisteredSection } from '../services/core-ui.service.js';
import { platformRows, pluginOverview } from '../services/overview.js';

/** `/admin`: platform and plugin overview for signed-in admins. */
export function adminHomeRouter(ctx: PluginContext, deps: CoreRouteDeps): Router {
  const router = ctx.routes.router();
  router.get('/', permit(), async (req, res) => {
    const platform = req.wz.tenant.platform;
    const directory = deps.plugins;
    const platforms = platformRows(await deps.platforms.list(), platform);
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

/**
 * `/storefront/<store>`: the public storefront home — the hero, then the sections plugins added (only those of plugins
 * enabled on the platform, in order), then links to the storefront menu.
 */
export function storefrontHomeRouter(
  ctx: PluginContext,
  deps: CoreRouteDeps,
  sections: readonly RegisteredSection[],
): Router {
  const router = ctx.routes.router();
  router.get('/', publicAccess(), async (req, res) => {
    const { plugins } = deps;
    const platform = req.wz.tenant.platform;
    const shown = sections
      .filter((section) => plugins.isEnabled(platform, section.plugin))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
    const loaded = await Promise.all(
      shown.map(async (section) => {
        try {
          const data = await section.load(req);
          return data && { id: section.id, plugin: section.plugin, partial: section.partial, data };
        } catch (error) {
          ctx.logger.error(
            { err: error, requestId: req.wz.id, plugin: section.plugin, section: section.id },
            'storefront home section failed; left out',
          );
          return undefined;
        }
      }),
    );
    res.render('core/storefront/home', { sections: loaded.filter(Boolean) });
  });
  return router;
}
