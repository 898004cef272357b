import type { PageLocals } from '@wizamart/plugin-core';
import type { RequestHandler } from 'express';

/**
 * A `theme` stage middleware: on storefront pages, points core's layout at the shopper's sign-in, account and
 * sign-out pages (unless something earlier already chose them).
 */
export function storefrontLinksStage(): RequestHandler {
  return (req, res, next) => {
    const locals = res.locals.wz as Partial<PageLocals> | undefined;
    if (
      req.wz?.tenant?.surface !== 'storefront' ||
      !locals ||
      typeof locals !== 'object' ||
      typeof locals.base !== 'string'
    )
      return next();
    const root = `${locals.base}/customers`;
    locals.loginUrl ??= `${root}/login`;
    locals.profileUrl ??= `${root}/account`;
    locals.signOutUrl ??= `${root}/logout`;
    next();
  };
}
