/**
 * The service tokens of the cms plugin: a dependency-free entry point (`@wizamart/plugin-cms/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { CmsMedia, CmsPages, CmsThemes } from './index.js';

/** Service tokens of the cms plugin (visible to plugins that require `cms`). */
export const CmsServices = {
  pages: defineServiceToken<CmsPages>('cms', 'pages'),
  themes: defineServiceToken<CmsThemes>('cms', 'themes'),
  media: defineServiceToken<CmsMedia>('cms', 'media'),
} as const;
