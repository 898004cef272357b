import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { mediaJson, pageJson, type CmsDeps } from './deps.js';
import { readUploadForm } from './multipart.js';
import { parsePage, parsePagePatch, parseParams, parsePaging, parseTheme } from './validators.js';
import { CMS_PERMISSIONS } from '../index.js';

function pageApi(router: Router, deps: CmsDeps): void {
  router.get('/pages', permit(CMS_PERMISSIONS.pagesView), async (req, res) => {
    res.json({ items: (await deps.pages.list(contextOf(req))).map(pageJson) });
  });
  router.post('/pages', permit(CMS_PERMISSIONS.pagesManage), async (req, res) => {
    const input = parsePage(req.body);
    res.status(201).json(pageJson(await deps.pages.create(contextOf(req), input)));
  });
  router.get('/pages/:id', permit(CMS_PERMISSIONS.pagesView), async (req, res) => {
    res.json(pageJson(await deps.pages.get(contextOf(req), parseParams(req.params).id)));
  });
  router.patch('/pages/:id', permit(CMS_PERMISSIONS.pagesManage), async (req, res) => {
    const { id } = parseParams(req.params);
    const input = parsePagePatch(req.body);
    res.json(pageJson(await deps.pages.update(contextOf(req), id, input)));
  });
  router.delete('/pages/:id', permit(CMS_PERMISSIONS.pagesManage), async (req, res) => {
    await deps.pages.delete(contextOf(req), parseParams(req.params).id);
    res.status(204).end();
  });
}

function themeApi(router: Router, deps: CmsDeps): void {
  router.get('/theme', permit(CMS_PERMISSIONS.themeManage), async (req, res) => {
    res.json(await deps.themes.get(contextOf(req)));
  });
  router.put('/theme', permit(CMS_PERMISSIONS.themeManage), async (req, res) => {
    const input = parseTheme(req.body);
    res.json(await deps.themes.save(contextOf(req), input));
  });
}

function mediaApi(router: Router, deps: CmsDeps): void {
  router.get('/media', permit(CMS_PERMISSIONS.mediaManage), async (req, res) => {
    const paging = parsePaging(req.query);
    const { items, total } = await deps.media.list(contextOf(req), paging);
    const base = deps.ui.base(req, 'storefront');
    res.json({
      items: items.map((item) => mediaJson(item, base)),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    });
  });
  router.post('/media', permit(CMS_PERMISSIONS.mediaManage), async (req, res) => {
    const ctx = contextOf(req);
    const form = await readUploadForm(req, deps.maxUploadBytes);
    res.status(201).json(mediaJson(await deps.media.upload(ctx, form.file), deps.ui.base(req, 'storefront')));
  });
  router.delete('/media/:id', permit(CMS_PERMISSIONS.mediaManage), async (req, res) => {
    await deps.media.delete(contextOf(req), parseParams(req.params).id);
    res.status(204).end();
  });
}

/** `/api/v1/store/<store>/cms/…`: pages CRUD, the theme and the media library for staff. */
export function storeApiRoutes(routes: PluginRoutes, deps: CmsDeps): Router {
  const router = routes.router();
  pageApi(router, deps);
  themeApi(router, deps);
  mediaApi(router, deps);
  return router;
}
