import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import { type CmsDeps } from './deps.js';
import { renderFormProblem } from './forms.js';
import { pageFromForm, parsePage, parseParams } from './validators.js';
import { CMS_PERMISSIONS } from '../index.js';

const FORM = 'cms/store/page-form';

function pagesUrl(deps: CmsDeps, req: Request): string {
  return `${deps.ui.base(req, 'store')}/cms/pages`;
}

async function saveNew(deps: CmsDeps, req: Request, res: Response): Promise<void> {
  const input = pageFromForm(req.body ?? {});
  try {
    await deps.pages.create(contextOf(req), parsePage(input));
  } catch (error) {
    const locals = { title: deps.ui.t(req, 'cms.pages.new'), page: input, action: req.originalUrl };
    return renderFormProblem(deps.ui, req, res, { view: FORM, locals }, error);
  }
  deps.ui.redirectWithFlash(res, pagesUrl(deps, req), {
    type: 'success',
    message: deps.ui.t(req, 'cms.flash.pageCreated'),
  });
}

async function saveExisting(deps: CmsDeps, req: Request, res: Response): Promise<void> {
  const { id } = parseParams(req.params);
  const input = pageFromForm(req.body ?? {});
  try {
    await deps.pages.update(contextOf(req), id, parsePage(input));
  } catch (error) {
    const locals = { title: deps.ui.t(req, 'cms.pages.edit'), page: { ...input, id }, action: req.originalUrl };
    return renderFormProblem(deps.ui, req, res, { view: FORM, locals }, error);
  }
  deps.ui.redirectWithFlash(res, pagesUrl(deps, req), {
    type: 'success',
    message: deps.ui.t(req, 'cms.flash.pageSaved'),
  });
}

/** `/store/<store>/cms/pages…`: list, create, edit and delete content pages. */
export function storePageRoutes(routes: PluginRoutes, deps: CmsDeps): Router {
  const router = routes.router();
  router.get('/', permit(CMS_PERMISSIONS.pagesView), (req, res) => res.redirect(pagesUrl(deps, req)));
  router.get('/pages', permit(CMS_PERMISSIONS.pagesView), async (req, res) => {
    const ctx = contextOf(req);
    res.render('cms/store/pages', { pages: await deps.pages.list(ctx), storefront: deps.ui.base(req, 'storefront') });
  });
  router.get('/pages/new', permit(CMS_PERMISSIONS.pagesManage), (req, res) => {
    res.render(FORM, {
      title: deps.ui.t(req, 'cms.pages.new'),
      page: { published: false, body: '' },
      action: pagesUrl(deps, req),
    });
  });
  router.post('/pages', permit(CMS_PERMISSIONS.pagesManage), (req, res) => saveNew(deps, req, res));
  router.get('/pages/:id', permit(CMS_PERMISSIONS.pagesView), async (req, res) => {
    const page = await deps.pages.get(contextOf(req), parseParams(req.params).id);
    res.render(FORM, { title: deps.ui.t(req, 'cms.pages.edit'), page, action: `${pagesUrl(deps, req)}/${page.id}` });
  });
  router.post('/pages/:id', permit(CMS_PERMISSIONS.pagesManage), (req, res) => saveExisting(deps, req, res));
  router.post('/pages/:id/delete', permit(CMS_PERMISSIONS.pagesManage), async (req, res) => {
    await deps.pages.delete(contextOf(req), parseParams(req.params).id);
    deps.ui.redirectWithFlash(res, pagesUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'cms.flash.pageDeleted'),
    });
  });
  return router;
}
