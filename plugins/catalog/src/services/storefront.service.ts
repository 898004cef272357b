import type { CmsMedia, CmsMediaItem } from '@wizamart/plugin-cms';
import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import { categoryNotFound, productNotFound } from '../errors.js';
import type { AvailabilityProvider, StockState } from '../index.js';
import type { CategoryRepository } from '../repositories/category.repository.js';
import type { ProductRepository } from '../repositories/product.repository.js';
import type { StorefrontListRow, StorefrontRepository, StorefrontSort } from '../repositories/storefront.repository.js';
import { categoryTree, descendantIds, type CategoryNode } from './category.service.js';
import { plainDescription, renderDescription } from './markdown.js';

/** The storefront listing query after validation (`page` from 1, `pageSize` at most 100). */
export interface ListingFilter {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  sort?: StorefrontSort;
  page: number;
  pageSize: number;
}

/** Where storefront links point: `base` is `/storefront/<store>` or `''` on the store's own host. */
export interface StorefrontLinks {
  base: string;
}

/** The storefront links of the request (its link base: the store's storefront prefix on this host). */
const linksOf = (ctx: RequestContext): StorefrontLinks => ({ base: ctx.linkBase });

const MAX_TERMS = 10;

/** The words of a search: letters and digits (any script), at most ten, each at most 60 characters. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((term) => term.slice(0, 60));
}

const productUrl = (links: StorefrontLinks, slug: string) => `${links.base}/products/${slug}`;

/** What shoppers see: active products of the request's store only. */
export class StorefrontService {
  private availability?: AvailabilityProvider;

  constructor(
    private readonly storefront: StorefrontRepository,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly media: CmsMedia,
  ) {}

  /** The store's media items among `ids` by id, linked on the request's storefront base (deleted media are absent). */
  private async mediaItems(ctx: RequestContext, ids: Array<string | null>): Promise<Map<string, CmsMediaItem>> {
    const wanted = ids.filter((id): id is string => Boolean(id));
    const items = wanted.length ? await this.media.byIds(ctx, wanted, ctx.linkBase) : [];
    return new Map(items.map((item) => [item.id, item]));
  }

  /** The stock seam (inventory registers itself); the last registration wins. */
  setAvailability(provider: AvailabilityProvider): void {
    this.availability = provider;
  }

  async list(ctx: RequestContext, filter: ListingFilter) {
    const store = requireStore(ctx);
    const links = linksOf(ctx);
    const terms = searchTerms(filter.q);
    const categoryIds = filter.category ? await this.categoryScope(store.id, filter.category) : undefined;
    const sort = filter.sort ?? (terms.length ? 'relevance' : 'newest');
    const { items, total } = await this.storefront.list(store.id, {
      terms,
      categoryIds,
      minPrice: filter.minPrice,
      maxPrice: filter.maxPrice,
      sort,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    const images = await this.mediaItems(
      ctx,
      items.map((item) => item.imageId),
    );
    return {
      items: items.map((item) => listingCard(item, links, images, terms.length > 0)),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
      pages: Math.max(1, Math.ceil(total / filter.pageSize)),
      sort,
    };
  }

  async featured(ctx: RequestContext, limit = 8) {
    const links = linksOf(ctx);
    const filter = { terms: [], featured: true, sort: 'newest' as const, limit, offset: 0 };
    const { items } = await this.storefront.list(requireStore(ctx).id, filter);
    const images = await this.mediaItems(
      ctx,
      items.map((item) => item.imageId),
    );
    return items.map((item) => ({
      title: item.title,
      slug: item.slug,
      url: productUrl(links, item.slug),
      price: item.minPrice,
      currency: item.currency,
      ...cardImage(images, item.imageId),
    }));
  }

  async product(ctx: RequestContext, slug: string) {
    const store = requireStore(ctx);
    const links = linksOf(ctx);
    const product = await this.products.find(store.id, { slug }, { activeOnly: true });
    if (!product) throw productNotFound();
    const ids = product.variants.map((variant) => variant.id);
    const known = this.availability && (await this.availability({ id: store.id, platform: store.platform }, ids));
    const stock = known ?? new Map<string, StockState>();
    const [categories, media] = await Promise.all([
      this.categories.list(store.id).then((all) => all.filter((category) => product.categoryIds.includes(category.id))),
      this.mediaItems(
        ctx,
        product.images.map((image) => image.mediaId),
      ),
    ]);
    return {
      id: product.id,
      title: product.title,
      slug: product.slug,
      url: productUrl(links, product.slug),
      description: product.description,
      descriptionHtml: renderDescription(product.description),
      summary: plainDescription(product.description),
      options: product.options,
      variants: product.variants.map((variant) => ({
        id: variant.id,
        sku: variant.sku,
        optionValues: variant.optionValues,
        price: variant.price,
        currency: variant.currency,
        compareAtPrice: variant.compareAtPrice,
        weightGrams: variant.weightGrams,
        stock: stock.get(variant.id) ?? null,
      })),
      images: product.images.flatMap((image) => {
        const item = media.get(image.mediaId);
        return item
          ? [
              {
                url: item.url,
                alt: image.alt || item.alt || product.title,
                width: item.width ?? null,
                height: item.height ?? null,
              },
            ]
          : [];
      }),
      categories: categories.map((category) => ({ name: category.name, slug: category.slug })),
    };
  }

  async categoryTree(ctx: RequestContext): Promise<CategoryNode[]> {
    return categoryTree(await this.categories.list(requireStore(ctx).id));
  }

  /** `sitemap.xml` of the store's active products; `origin` is the absolute URL of the storefront base. */
  async sitemap(ctx: RequestContext, origin: string): Promise<string> {
    const entries = await this.products.sitemap(requireStore(ctx).id);
    const urls = entries.map(
      (entry) =>
        `<url><loc>${xml(`${origin}/products/${entry.slug}`)}</loc><lastmod>${new Date(entry.updatedAt).toISOString()}</lastmod></url>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>${xml(`${origin}/products`)}</loc></url>\n${urls.join('\n')}\n</urlset>\n`;
  }

  private async categoryScope(storeId: string, slug: string): Promise<string[]> {
    const categories = await this.categories.list(storeId);
    const root = categories.find((category) => category.slug === slug);
    if (!root) throw categoryNotFound({ category: slug });
    return descendantIds(categories, root.id);
  }
}

/** A card of the listing; `rank` only while searching. Built as one literal: it is serialised for every request. */
function listingCard(
  item: StorefrontListRow,
  links: StorefrontLinks,
  images: Map<string, CmsMediaItem>,
  searching: boolean,
) {
  const image = item.imageId ? images.get(item.imageId) : undefined;
  const card = {
    id: item.id,
    title: item.title,
    slug: item.slug,
    url: productUrl(links, item.slug),
    price: item.minPrice,
    currency: item.currency,
    compareAtPrice: item.compareAtPrice,
    imageUrl: image?.url ?? null,
    imageWidth: image?.width ?? null,
    imageHeight: image?.height ?? null,
  };
  return searching ? { ...card, rank: item.rank } : card;
}

/** A listing card's picture: the first image when it is still in the store's media library. */
function cardImage(images: Map<string, CmsMediaItem>, id: string | null) {
  const item = id ? images.get(id) : undefined;
  return { imageUrl: item?.url ?? null, imageWidth: item?.width ?? null, imageHeight: item?.height ?? null };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
