import {
  contextOf,
  formatMinor,
  parseMinor,
  type PluginRoutes,
  publicAccess,
  requireStore,
} from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Request, Response, Router } from 'express';
import type { ProductPageForm, ProductPageProduct } from '../index.js';
import type { CategoryNode } from '../services/category.service.js';
import { flattenTree } from '../services/category.service.js';
import type { ListingFilter } from '../services/storefront.service.js';
import type { CatalogDeps } from './deps.js';
import { parseSlug, parseStorefrontList } from './validators.js';

/** The absolute origin of the request (`https://shop.example` or `http://127.0.0.1:3000`). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * The page's query with `minPrice`/`maxPrice` turned from currency units as shoppers type them (`25`, `25,50`) into
 * minor units of the store's `currency` (JPY has none, BHD three). Text that is not an amount of that currency stays
 * as typed, so validation rejects it.
 */
export function pageQuery(query: Record<string, unknown>, currency: string): Record<string, unknown> {
  const out = { ...query };
  for (const key of ['minPrice', 'maxPrice']) {
    const typed = out[key];
    const minor = typeof typed === 'string' && typed !== '' ? parseMinor(typed, currency) : undefined;
    if (minor !== undefined) out[key] = String(minor);
  }
  return out;
}

/** Links for the listing's pager that keep the other filters (prices as the shopper typed them). */
function pageLink(filter: ListingFilter, typed: Record<string, unknown>, page: number): string {
  const entries = Object.entries({
    q: filter.q,
    category: filter.category,
    minPrice: typed.minPrice,
    maxPrice: typed.maxPrice,
    sort: filter.sort,
    page,
  })
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]): [string, string] => [key, String(value)]);
  return `?${new URLSearchParams(entries)}`;
}

function categoryOptions(tree: CategoryNode[], selected?: string) {
  return flattenTree(tree).map((node) => ({
    slug: node.slug,
    label: `${'— '.repeat(node.depth)}${node.name}`,
    selected: node.slug === selected,
  }));
}

/**
 * What the catalog shows on a storefront's home: search, featured products and the top categories (the catalog home
 * page and core's storefront home section both render `catalog/storefront-home` with it).
 */
export async function catalogHomeData(
  deps: CatalogDeps,
  req: Request,
): Promise<{ featured: unknown[]; categories: CategoryNode[]; productsUrl: string }> {
  const ctx = contextOf(req);
  const [featured, tree] = await Promise.all([deps.storefront.featured(ctx), deps.storefront.categoryTree(ctx)]);
  return { featured, categories: tree, productsUrl: `${ctx.linkBase}/products` };
}

/** What product-page panels get of the product (a copy, so a panel cannot change what the page renders). */
function panelProduct(product: ProductPageProduct): ProductPageProduct {
  const variants = product.variants.map((variant) => ({
    id: variant.id,
    sku: variant.sku,
    optionValues: { ...variant.optionValues },
    price: variant.price,
    currency: variant.currency,
    compareAtPrice: variant.compareAtPrice,
    stock: variant.stock,
  }));
  const options = product.options.map((option) => ({ name: option.name, values: [...option.values] }));
  return { id: product.id, slug: product.slug, title: product.title, url: product.url, options, variants };
}

/** The page's form token for its panels: computed once, on first use (a guest's token sets a cookie). */
function pageForm(deps: CatalogDeps, req: Request, res: Response): ProductPageForm {
  let token: string | undefined;
  const jar = cookieJar(req, res);
  return { csrfToken: () => (token ??= deps.auth.csrfToken(contextOf(req), jar) ?? deps.auth.loginFormToken(jar)) };
}

/**
 * `/storefront/<store>/catalog/…`: the catalog home, product listing with search and filters, product pages, sitemap.
 */
export function storefrontPageRoutes(routes: PluginRoutes, deps: CatalogDeps): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/', async (req, res) => {
    res.render('catalog/storefront/home', {
      title: deps.ui.t(req, 'catalog.storefront.title'),
      ...(await catalogHomeData(deps, req)),
    });
  });
  router.get('/sitemap.xml', async (req, res) => {
    const ctx = contextOf(req);
    res.type('application/xml').send(await deps.storefront.sitemap(ctx, `${origin(req)}${ctx.linkBase}`));
  });
  router.get('/products', async (req, res) => {
    const typed = req.query as Record<string, unknown>;
    const ctx = contextOf(req);
    const filter = parseStorefrontList(pageQuery(typed, requireStore(ctx).currency));
    const [page, tree] = await Promise.all([deps.storefront.list(ctx, filter), deps.storefront.categoryTree(ctx)]);
    res.render('catalog/storefront/products', {
      title: filter.q
        ? deps.ui.t(req, 'catalog.storefront.resultsFor', { q: filter.q })
        : deps.ui.t(req, 'catalog.storefront.products'),
      ...page,
      filter,
      typed: { minPrice: typed.minPrice, maxPrice: typed.maxPrice },
      categories: categoryOptions(tree, filter.category),
      // '' is "best match": relevance while searching, newest otherwise, so a new search is not stuck on "newest".
      sorts: ['', 'newest', 'price_asc', 'price_desc'].map((value) => ({
        value,
        key: value || 'default',
        selected: value === (filter.sort ?? ''),
      })),
      previous: page.page > 1 ? pageLink(filter, typed, page.page - 1) : undefined,
      next: page.page < page.pages ? pageLink(filter, typed, page.page + 1) : undefined,
    });
  });
  router.get('/products/:slug', async (req, res) => {
    const ctx = contextOf(req);
    const product = await deps.storefront.product(ctx, parseSlug(req.params));
    const lang = ctx.language;
    const variants = product.variants.map((variant) => ({
      ...variant,
      priceText: formatMinor(variant.price, variant.currency, lang),
      compareAtText: variant.compareAtPrice ? formatMinor(variant.compareAtPrice, variant.currency, lang) : '',
    }));
    const picker = { variants, selected: { ...(variants[0]?.optionValues ?? {}) } };
    const panels = await deps.productPage.render(ctx, panelProduct(product), pageForm(deps, req, res));
    res.render('catalog/storefront/product', {
      title: product.title,
      product: { ...product, variants },
      picker: JSON.stringify(picker),
      panels,
      seo: {
        description: product.summary,
        canonical: `${origin(req)}${product.url}`,
        image: product.images[0] ? `${origin(req)}${product.images[0].url}` : undefined,
      },
    });
  });
  return router;
}
