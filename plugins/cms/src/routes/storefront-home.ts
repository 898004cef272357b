import { contextOf, isWizamartError } from '@wizamart/plugin-sdk';
import type { Request } from 'express';
import type { RenderedPage } from '../services/page.service.js';
import { type CmsDeps } from './deps.js';

/** The slug of the page whose content the storefront home shows above everything plugins add. */
export const HOME_PAGE_SLUG = 'home';

/**
 * The store's CMS content on its storefront home: the published `home` page, if there is one, and links to the other
 * published pages. `undefined` when the store has neither, so the section is left out.
 */
export async function cmsHomeData(
  deps: CmsDeps,
  req: Request,
): Promise<{ page?: RenderedPage; pages: Array<{ slug: string; title: string }>; base: string } | undefined> {
  const ctx = contextOf(req);
  const [page, published] = await Promise.all([
    deps.pages.render(ctx, HOME_PAGE_SLUG).catch((error: unknown) => {
      if (isWizamartError(error) && error.code === 'WZ_CMS_PAGE_NOT_FOUND') return undefined;
      throw error;
    }),
    deps.pages.published(ctx),
  ]);
  const pages = published.filter((link) => link.slug !== HOME_PAGE_SLUG);
  if (!page && pages.length === 0) return undefined;
  return { page, pages, base: deps.ui.base(req, 'storefront') };
}
