import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import { SAFE_FONTS } from '../services/theme-values.js';
import { mediaJson, type CmsDeps } from './deps.js';
import { formProblem, renderFormProblem } from './forms.js';
import { readUploadForm } from './multipart.js';
import { parseParams, parsePaging, parseTheme, themeFromForm } from './validators.js';
import { CMS_PERMISSIONS } from '../index.js';

const FONTS = Object.keys(SAFE_FONTS);

async function themeLocals(deps: CmsDeps, req: Request, theme: Record<string, unknown>) {
  const media = await deps.media.list(contextOf(req), { limit: 100, offset: 0 });
  return {
    theme,
    fonts: FONTS.map((name) => ({ name, selected: name === theme.font })),
    images: media.items.map((item) => ({
      ...mediaJson(item, deps.ui.base(req, 'storefront')),
      selected: item.id === theme.logoMediaId,
    })),
  };
}

async function saveTheme(deps: CmsDeps, req: Request, res: Response): Promise<void> {
  const input = themeFromForm(req.body ?? {});
  try {
    await deps.themes.save(contextOf(req), parseTheme(input));
  } catch (error) {
    const locals = await themeLocals(deps, req, input);
    return renderFormProblem(deps.ui, req, res, { view: 'cms/store/theme', locals }, error);
  }
  deps.ui.redirectWithFlash(res, `${deps.ui.base(req, 'store')}/cms/theme`, {
    type: 'success',
    message: deps.ui.t(req, 'cms.flash.themeSaved'),
  });
}

async function renderMedia(deps: CmsDeps, req: Request, res: Response, status = 200, error?: string): Promise<void> {
  const paging = parsePaging(req.query);
  const { items, total } = await deps.media.list(contextOf(req), paging);
  const base = deps.ui.base(req, 'storefront');
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  res.status(status).render('cms/store/media', {
    error,
    items: items.map((item) => mediaJson(item, base)),
    total,
    maxKb: Math.floor(deps.maxUploadBytes / 1024),
    previous: paging.page > 1 ? paging.page - 1 : undefined,
    next: paging.page < pages ? paging.page + 1 : undefined,
  });
}

async function upload(deps: CmsDeps, req: Request, res: Response): Promise<void> {
  const ctx = contextOf(req);
  try {
    const form = await readUploadForm(req, deps.maxUploadBytes);
    await deps.media.upload(ctx, form.file);
  } catch (error) {
    return renderMedia(deps, req, res, (error as { status?: number }).status ?? 400, formProblem(error).message);
  }
  deps.ui.redirectWithFlash(res, `${deps.ui.base(req, 'store')}/cms/media`, {
    type: 'success',
    message: deps.ui.t(req, 'cms.flash.imageUploaded'),
  });
}

/** `/store/<store>/cms/theme` and `/store/<store>/cms/media…`: the theme editor and the media library. */
export function storeThemeMediaRoutes(routes: PluginRoutes, deps: CmsDeps): Router {
  const router = routes.router();
  router.get('/theme', permit(CMS_PERMISSIONS.themeManage), async (req, res) => {
    const theme = await deps.themes.get(contextOf(req));
    res.render('cms/store/theme', await themeLocals(deps, req, { ...theme }));
  });
  router.post('/theme', permit(CMS_PERMISSIONS.themeManage), (req, res) => saveTheme(deps, req, res));
  router.get('/media', permit(CMS_PERMISSIONS.mediaManage), (req, res) => renderMedia(deps, req, res));
  router.post('/media', permit(CMS_PERMISSIONS.mediaManage), (req, res) => upload(deps, req, res));
  router.post('/media/:id/delete', permit(CMS_PERMISSIONS.mediaManage), async (req, res) => {
    await deps.media.delete(contextOf(req), parseParams(req.params).id);
    deps.ui.redirectWithFlash(res, `${deps.ui.base(req, 'store')}/cms/media`, {
      type: 'success',
      message: deps.ui.t(req, 'cms.flash.imageDeleted'),
    });
  });
  return router;
}
