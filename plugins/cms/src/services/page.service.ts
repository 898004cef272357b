import { isUuid, requireStore, validationError, type RequestContext } from '@wizamart/plugin-sdk';
import { pageNotFound } from '../errors.js';
import type { PageFields, PageRecord } from '../model.js';
import type { PageRepository } from '../repositories/page.repository.js';
import { renderMarkdown } from './markdown.js';

/** A published page ready to show: Markdown rendered to sanitised HTML. */
export interface RenderedPage {
  slug: string;
  title: string;
  html: string;
  updatedAt: Date;
}

/** Slugs the storefront router uses for itself (`/cms/media/<id>`). */
const RESERVED_SLUGS = new Set(['media']);

function checkSlug(slug: string | undefined): void {
  if (slug === undefined || !RESERVED_SLUGS.has(slug)) return;
  throw validationError([{ path: '/slug', code: 'reserved' }]);
}

/** Content pages of a store: editing for staff, published pages for the storefront. */
export class PageService {
  constructor(private readonly pages: PageRepository) {}

  list(ctx: RequestContext): Promise<PageRecord[]> {
    return this.pages.list(requireStore(ctx).id);
  }

  async get(ctx: RequestContext, id: string): Promise<PageRecord> {
    const page = isUuid(id) ? await this.pages.byId(requireStore(ctx).id, id) : undefined;
    if (!page) throw pageNotFound();
    return page;
  }

  create(ctx: RequestContext, fields: PageFields): Promise<PageRecord> {
    checkSlug(fields.slug);
    return this.pages.insert(requireStore(ctx).id, fields);
  }

  /** Creates the page unless the store already has one with its slug (seeds; a concurrent seed counts as present). */
  async ensure(ctx: RequestContext, fields: PageFields): Promise<boolean> {
    const store = requireStore(ctx);
    if (await this.pages.bySlug(store.id, fields.slug)) return false;
    try {
      await this.pages.insert(store.id, fields);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'WZ_CMS_SLUG_TAKEN') return false;
      throw error;
    }
  }

  async update(ctx: RequestContext, id: string, fields: Partial<PageFields>): Promise<PageRecord> {
    checkSlug(fields.slug);
    const page = isUuid(id) ? await this.pages.update(requireStore(ctx).id, id, fields) : undefined;
    if (!page) throw pageNotFound();
    return page;
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.pages.delete(requireStore(ctx).id, id))) throw pageNotFound();
  }

  /** The published pages of a store (titles and slugs, for navigation). */
  async published(ctx: RequestContext): Promise<Array<{ slug: string; title: string }>> {
    const pages = await this.pages.list(requireStore(ctx).id, { publishedOnly: true });
    return pages.map(({ slug, title }) => ({ slug, title }));
  }

  /** A published page rendered for shoppers; drafts answer as missing. */
  async render(ctx: RequestContext, slug: string): Promise<RenderedPage> {
    const page = await this.pages.bySlug(requireStore(ctx).id, slug);
    if (!page?.published) throw pageNotFound();
    return { slug: page.slug, title: page.title, html: renderMarkdown(page.body), updatedAt: page.updatedAt };
  }
}
