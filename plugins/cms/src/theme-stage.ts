import type { PluginLogger } from '@wizamart/plugin-sdk';
import type { PageLocals } from '@wizamart/plugin-core';
import type { RequestHandler } from 'express';
import type { ThemeService } from './services/theme.service.js';

/**
 * The `theme` pipeline stage: for storefront pages of a resolved store, puts the store's theme into
 * `res.locals.wz.theme` (CSS variables core's storefront layout renders) and its logo into `res.locals.wz.logoUrl`.
 * Runs after core's theme stage, which creates `res.locals.wz`; without it there is no layout to theme and the stage
 * does nothing. A failure to read the theme is logged and the page keeps the default theme rather than failing.
 */
export function createThemeStage(themes: ThemeService, logger: PluginLogger): RequestHandler {
  return (req, res, next) => {
    const tenant = req.wz?.tenant;
    if (tenant?.surface !== 'storefront' || !tenant.storeId || req.wz.url.kind === 'api') return next();
    const locals = res.locals.wz as Partial<PageLocals> | undefined;
    if (!locals || typeof locals !== 'object') return next();
    const base = typeof locals.base === 'string' ? locals.base : (tenant.base ?? `/storefront/${tenant.store}`);
    themes.storefrontTheme(tenant.storeId, base).then(
      (theme) => {
        if (theme) {
          locals.theme = { ...locals.theme, ...theme.variables };
          if (theme.logoUrl) locals.logoUrl = theme.logoUrl;
        }
        next();
      },
      (error: unknown) => {
        logger.warn({ err: error, store: tenant.store }, 'store theme unavailable; serving the default theme');
        next();
      },
    );
  };
}
