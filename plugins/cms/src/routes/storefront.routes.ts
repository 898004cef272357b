import { contextOf, type PluginRoutes, publicAccess } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { type CmsDeps } from './deps.js';
import { parseMediaId, parseSlug } from './validators.js';

const MEDIA_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // An image never needs to run anything, even when opened directly.
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  'Cache-Control': 'public, max-age=86400',
  'Cross-Origin-Resource-Policy': 'same-site',
};

/** `/storefront/<store>/cms/…`: the page index, page views and media files for shoppers. */
export function storefrontPageRoutes(routes: PluginRoutes, deps: CmsDeps): Router {
  const router = routes.router();
  router.get('/', publicAccess(), async (req, res) => {
    const pages = await deps.pages.published(contextOf(req));
    res.render('cms/storefront/index', { pages });
  });
  router.get('/media/:id', publicAccess(), async (req, res) => {
    const content = await deps.media.content(contextOf(req), parseMediaId(req.params));
    res.set(MEDIA_HEADERS).type(content.contentType).send(content.bytes);
  });
  router.get('/:slug', publicAccess(), async (req, res) => {
    const page = await deps.pages.render(contextOf(req), parseSlug(req.params));
    res.render('cms/storefront/page', { title: page.title, page });
  });
  return router;
}

/** `/api/v1/storefront/<store>/cms/…`: published pages and the theme, for headless storefronts. */
export function storefrontApiRoutes(routes: PluginRoutes, deps: CmsDeps): Router {
  const router = routes.router();
  router.get('/pages', publicAccess(), async (req, res) => {
    res.json({ items: await deps.pages.published(contextOf(req)) });
  });
  router.get('/pages/:slug', publicAccess(), async (req, res) => {
    res.json(await deps.pages.render(contextOf(req), parseSlug(req.params)));
  });
  router.get('/theme', publicAccess(), async (req, res) => {
    const { custom: _custom, ...theme } = await deps.themes.get(contextOf(req));
    res.json(theme);
  });
  return router;
}
