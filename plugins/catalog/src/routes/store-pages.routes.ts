import { contextOf, isWizamartError, permit, type PluginRoutes, requireStore } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { ProductStatus } from '../model.js';
import { descendantIds, flattenTree } from '../services/category.service.js';
import type { ProductInput } from '../services/product-input.js';
import { type CatalogDeps } from './deps.js';
import {
  parseBulkStatus,
  parseCategory,
  parseCategoryPatch,
  parseId,
  parseProduct,
  parseStoreList,
} from './validators.js';
import { CATALOG_PERMISSIONS } from '../index.js';

const FORM = 'catalog/store/product-form';
const STATUSES: ProductStatus[] = ['draft', 'active', 'archived'];

const catalogUrl = (deps: CatalogDeps, req: Request) => `${deps.ui.base(req, 'store')}/catalog`;

/** The product form posts its state as JSON in `payload` (built by the Alpine variant matrix); ajv checks it. */
function payloadOf(body: Record<string, unknown>): unknown {
  try {
    return JSON.parse(String(body.payload ?? ''));
  } catch {
    return {};
  }
}

async function formLocals(deps: CatalogDeps, req: Request, product: Partial<ProductInput> & { id?: string }) {
  const ctx = contextOf(req);
  const store = requireStore(ctx);
  const tree = flattenTree(await deps.categories.tree(ctx));
  const categories = tree.map((node) => ({ id: node.id, label: `${'— '.repeat(node.depth)}${node.name}` }));
  // The picked images are shown even when they are not on the picker's first page of the library; ids that are not
  // (or no longer) in the library are dropped from the form, so the next save can succeed.
  const requested = Array.isArray(product.images)
    ? product.images.filter((image) => typeof image?.mediaId === 'string')
    : [];
  const picked = await deps.media.byIds(
    ctx,
    requested.map((image) => image.mediaId),
    deps.ui.base(req, 'storefront'),
  );
  const found = new Set(picked.map((item) => item.id));
  const images = requested
    .filter((image) => found.has(image.mediaId.toLowerCase()))
    .map((image) => ({ mediaId: image.mediaId.toLowerCase(), ...(image.alt ? { alt: image.alt } : {}) }));
  return {
    title: deps.ui.t(req, product.id ? 'catalog.form.edit' : 'catalog.form.new'),
    product,
    categories,
    statuses: STATUSES,
    currency: store.currency,
    state: JSON.stringify({
      title: product.title ?? '',
      slug: product.slug ?? '',
      description: product.description ?? '',
      status: product.status ?? 'draft',
      featured: product.featured ?? false,
      options: product.options ?? [],
      variants: product.variants ?? [],
      images,
      categoryIds: product.categoryIds ?? [],
      media: picked.map((item) => ({ id: item.id, url: item.url, originalName: item.originalName })),
    }),
    action: product.id ? `${catalogUrl(deps, req)}/products/${product.id}` : `${catalogUrl(deps, req)}/products`,
    mediaApi: `/api/v1/store/${store.code}/cms/media?pageSize=100`,
  };
}

async function save(deps: CatalogDeps, req: Request, res: Response, id?: string): Promise<void> {
  const payload = payloadOf(req.body ?? {});
  try {
    const input = parseProduct(payload);
    const ctx = contextOf(req);
    const saved = id ? await deps.products.update(ctx, id, input) : await deps.products.create(ctx, input);
    deps.ui.redirectWithFlash(res, `${catalogUrl(deps, req)}/products/${saved.id}`, {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.saved'),
    });
  } catch (error) {
    if (
      !isWizamartError(error) ||
      error.status >= 500 ||
      error.status === 403 ||
      error.code.endsWith('PRODUCT_NOT_FOUND')
    )
      throw error;
    // The form comes back with what was typed and each message beside its field, in the page's language.
    const { message, fields } = deps.ui.formErrors(req, error);
    const locals = await formLocals(deps, req, { ...(payload as ProductInput), id });
    const errors = { error: message, errors: fields, errorsJson: JSON.stringify(fields) };
    res.status(error.status).render(FORM, { ...locals, ...errors });
  }
}

function productPages(router: Router, deps: CatalogDeps): void {
  router.get('/', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    const ctx = contextOf(req);
    const store = requireStore(ctx);
    const filter = parseStoreList(req.query);
    const tree = flattenTree(await deps.categories.tree(ctx));
    const categoryIds = filter.category ? descendantIds(tree, filter.category) : undefined;
    const page = await deps.products.list(ctx, { ...filter, categoryIds });
    const pages = Math.max(1, Math.ceil(page.total / filter.pageSize));
    const query = {
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.category ? { category: filter.category } : {}),
    };
    const link = (n: number) => `?${new URLSearchParams({ ...query, page: String(n) })}`;
    res.render('catalog/store/products', {
      title: deps.ui.t(req, 'catalog.list.title'),
      ...page,
      page: filter.page,
      pages,
      filter,
      currency: store.currency,
      statuses: STATUSES.map((value) => ({ value, selected: value === filter.status })),
      categories: tree.map((node) => ({
        id: node.id,
        label: `${'— '.repeat(node.depth)}${node.name}`,
        selected: node.id === filter.category,
      })),
      previous: filter.page > 1 ? link(filter.page - 1) : undefined,
      next: filter.page < pages ? link(filter.page + 1) : undefined,
      exportUrl: `/api/v1/store/${store.code}/catalog/products.csv`,
    });
  });
  router.post('/products/status', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const ids = ([] as unknown[]).concat(req.body?.ids ?? []).map(String);
    const input = parseBulkStatus({ ids, status: req.body?.status });
    const lowered = input.ids.map((id) => id.toLowerCase());
    const updated = await deps.products.setStatus(contextOf(req), lowered, input.status);
    deps.ui.redirectWithFlash(res, catalogUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.statusChanged', { count: updated }),
    });
  });
  router.get('/products/new', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    res.render(FORM, await formLocals(deps, req, {}));
  });
  router.post('/products', permit(CATALOG_PERMISSIONS.manage), (req, res) => save(deps, req, res));
  router.get('/products/:id', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    const product = await deps.products.get(contextOf(req), parseId(req.params));
    res.render(FORM, await formLocals(deps, req, product));
  });
  router.post('/products/:id', permit(CATALOG_PERMISSIONS.manage), (req, res) =>
    save(deps, req, res, parseId(req.params)),
  );
  router.post('/products/:id/delete', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    await deps.products.delete(contextOf(req), parseId(req.params));
    deps.ui.redirectWithFlash(res, catalogUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.deleted'),
    });
  });
}

function categoryPages(router: Router, deps: CatalogDeps): void {
  router.get('/categories', permit(CATALOG_PERMISSIONS.view), async (req, res) => {
    const tree = flattenTree(await deps.categories.tree(contextOf(req)));
    res.render('catalog/store/categories', { title: deps.ui.t(req, 'catalog.categories.title'), categories: tree });
  });
  router.post('/categories', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const body = req.body ?? {};
    const input = parseCategory({
      name: String(body.name ?? '').trim(),
      ...(body.parentId ? { parentId: String(body.parentId) } : {}),
    });
    await deps.categories.create(contextOf(req), input);
    deps.ui.redirectWithFlash(res, `${catalogUrl(deps, req)}/categories`, {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.categoryCreated'),
    });
  });
  // Rename or move a category (a parent below itself is refused with WZ_CATALOG_CATEGORY_CYCLE).
  router.post('/categories/:id', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    const body = req.body ?? {};
    const patch = parseCategoryPatch({
      name: String(body.name ?? '').trim(),
      parentId: body.parentId ? String(body.parentId) : null,
    });
    await deps.categories.update(contextOf(req), parseId(req.params), patch);
    deps.ui.redirectWithFlash(res, `${catalogUrl(deps, req)}/categories`, {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.categorySaved'),
    });
  });
  router.post('/categories/:id/delete', permit(CATALOG_PERMISSIONS.manage), async (req, res) => {
    await deps.categories.delete(contextOf(req), parseId(req.params));
    deps.ui.redirectWithFlash(res, `${catalogUrl(deps, req)}/categories`, {
      type: 'success',
      message: deps.ui.t(req, 'catalog.flash.categoryDeleted'),
    });
  });
}

/** `/store/<store>/catalog/…`: product list (search, filters, bulk status, paging), product form, categories. */
export function storePageRoutes(routes: PluginRoutes, deps: CatalogDeps): Router {
  const router = routes.router();
  productPages(router, deps);
  categoryPages(router, deps);
  return router;
}
