import { isUuid, requireStore, validationError, type RequestContext } from '@wizamart/plugin-sdk';
import type { MediaRepository } from '../repositories/media.repository.js';
import type { ThemeRepository } from '../repositories/theme.repository.js';
import type { StorefrontTheme } from '../index.js';
import { checkTheme, DEFAULT_THEME, themeCssVariables, type ThemeValues } from './theme-values.js';

/** A store's theme and whether the store chose it (false: the default theme). */
export interface StoreTheme extends ThemeValues {
  custom: boolean;
}

interface CacheEntry {
  theme: ThemeValues | undefined;
  expires: number;
}

const MAX_CACHED_STORES = 10_000;
// A storefront base with anything else (it comes from tenancy, but is used in a link) simply gets no logo.
const SAFE_BASE = /^[A-Za-z0-9/_.-]*$/;

/** Store themes: editing, and the storefront's CSS variables cached per store. */
export class ThemeService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly themes: ThemeRepository,
    private readonly media: MediaRepository,
    private readonly cacheMs: number,
  ) {}

  async get(ctx: RequestContext): Promise<StoreTheme> {
    const stored = await this.themes.get(requireStore(ctx).id);
    if (!stored) return { ...DEFAULT_THEME, custom: false };
    const { updatedAt: _updatedAt, ...theme } = stored;
    return { ...theme, custom: true };
  }

  /** Checks and saves a theme; the logo must be a media item of the same store. */
  async save(ctx: RequestContext, input: ThemeValues, options: { onlyIfAbsent?: boolean } = {}): Promise<StoreTheme> {
    const store = requireStore(ctx);
    const theme = checkTheme(input);
    const logo = theme.logoMediaId;
    if (logo !== null && !(isUuid(logo) && (await this.media.byId(store.id, logo)))) {
      throw validationError([{ path: '/logoMediaId', code: 'not_one_of' }]);
    }
    await this.themes.save(store.id, theme, options);
    this.invalidate(store.id);
    return this.get(ctx);
  }

  /** Drops the cached theme of a store (after a change here, or a store change announced by tenancy). */
  invalidate(storeId: string): void {
    this.cache.delete(storeId);
  }

  /**
   * The storefront look of a store (CSS variables and logo link), or undefined for a store on the default theme.
   * `base` is the storefront's URL prefix, for the logo link. Cached per store for `cacheMs`; other instances see a
   * change after that.
   */
  async storefrontTheme(storeId: string, base: string): Promise<StorefrontTheme | undefined> {
    const theme = await this.cached(storeId);
    if (!theme) return undefined;
    const logoUrl = theme.logoMediaId && SAFE_BASE.test(base) ? `${base}/cms/media/${theme.logoMediaId}` : undefined;
    return { variables: themeCssVariables(theme), logoUrl };
  }

  private async cached(storeId: string): Promise<ThemeValues | undefined> {
    const hit = this.cache.get(storeId);
    if (hit && hit.expires > Date.now()) return hit.theme;
    const stored = await this.themes.get(storeId);
    const theme = stored && {
      primaryColor: stored.primaryColor,
      accentColor: stored.accentColor,
      backgroundColor: stored.backgroundColor,
      textColor: stored.textColor,
      font: stored.font,
      logoMediaId: stored.logoMediaId,
    };
    if (this.cache.size >= MAX_CACHED_STORES) this.cache.clear();
    this.cache.set(storeId, { theme, expires: Date.now() + this.cacheMs });
    return theme;
  }
}
