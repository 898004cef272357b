import { permit, publicAccess, type PluginContext } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { CoreRouteDeps } from './deps.js';
import { hostVersion, platformRows, pluginOverview, profileView } from '../services/overview.js';
import { surfaceBase } from '../services/surface-base.js';

const toHome = (surface: 'admin' | 'store') => (req: Request, res: Response) =>
  res.redirect(302, surfaceBase(req, surface) || '/');

const profile = (req: Request, res: Response) =>
  res.render('core/profile', { profile: profileView(req.wz.principal!) });

/** `/admin/core/…`: profile and read-only platform settings. */
export function adminPagesRouter(ctx: PluginContext, deps: CoreRouteDeps): Router {
  const router = ctx.routes.router();
  router.get('/', publicAccess(), toHome('admin'));
  router.get('/profile', permit(), profile);
  router.get('/settings', permit(), async (req, res) => {
    const directory = deps.plugins;
    const platform = req.wz.tenant.platform;
    res.render('core/admin/settings', {
      versions: { host: hostVersion() ?? '–', core: ctx.plugin.version, node: process.versions.node },
      platforms: platformRows(await deps.platforms.list(), platform),
      plugins: pluginOverview(directory.list(), (code) => directory.isEnabled(platform, code)),
      permissions: directory.permissions(),
    });
  });
  return router;
}

/** `/store/<store>/core/…`: the signed-in staff member's profile. */
export function storePagesRouter(ctx: PluginContext): Router {
  const router = ctx.routes.router();
  router.get('/', publicAccess(), toHome('store'));
  router.get('/profile', permit(), profile);
  return router;
}
