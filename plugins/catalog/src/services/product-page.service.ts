import { hostErrors, type PluginDirectory, type PluginLogger, type RequestContext } from '@wizamart/plugin-sdk';
import type { CatalogProductPage, ProductPageForm, ProductPagePanel, ProductPageProduct } from '../index.js';

/** A product-page panel with the plugin that added it. */
interface RegisteredPanel extends ProductPagePanel {
  plugin: string;
}

/** A panel ready to render: the partial and the data its `load` returned. */
export interface LoadedPanel {
  id: string;
  plugin: string;
  partial: string;
  data: Record<string, unknown>;
}

/**
 * The product page's panel slot: other plugins add panels through {@link CatalogProductPage}
 * (`CatalogServices.productPage`), the product page route asks for the panels of a request. Modelled on core's
 * storefront home sections.
 */
export class ProductPageSlot implements CatalogProductPage {
  private readonly panels: RegisteredPanel[] = [];

  constructor(
    private readonly plugins: () => Pick<PluginDirectory, 'list' | 'isEnabled'>,
    private readonly logger: PluginLogger,
  ) {}

  addPanel(ctx: { plugin: { code: string } }, panel: ProductPagePanel): void {
    const plugin = ctx.plugin.code;
    if (!panel.partial.startsWith(`${plugin}/`)) {
      const own = `${plugin}/<name>`;
      const problem = `a product-page panel renders one of its own partials ("${own}"), not "${panel.partial}"`;
      throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin, problem }, { details: { plugin, partial: panel.partial } });
    }
    if (this.panels.some((known) => known.plugin === plugin && known.id === panel.id)) {
      const problem = `product-page panel "${panel.id}" is added twice`;
      throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin, problem }, { details: { plugin, id: panel.id } });
    }
    this.panels.push({ ...panel, plugin });
  }

  /** The panels for this request and product: of plugins enabled and loaded on the request's platform, in order. */
  async render(ctx: RequestContext, product: ProductPageProduct, form: ProductPageForm): Promise<LoadedPanel[]> {
    const shown = this.shown(ctx.platform);
    const loaded = await Promise.all(shown.map((panel) => this.load(panel, ctx, product, form)));
    return loaded.filter((panel): panel is LoadedPanel => panel !== undefined);
  }

  private shown(platform: string): RegisteredPanel[] {
    if (!this.panels.length) return [];
    const directory = this.plugins();
    // A plugin that failed after adding its panel (register threw, start failed) may still be enabled in the
    // database; its panel must not show then, as its routes are gone.
    const loaded = new Set(
      directory
        .list()
        .filter((plugin) => plugin.state === 'loaded')
        .map((plugin) => plugin.code),
    );
    return this.panels
      .filter((panel) => loaded.has(panel.plugin) && directory.isEnabled(platform, panel.plugin))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  }

  private async load(
    panel: RegisteredPanel,
    ctx: RequestContext,
    product: ProductPageProduct,
    form: ProductPageForm,
  ): Promise<LoadedPanel | undefined> {
    try {
      const data = await panel.load(ctx, product, form);
      return data && { id: panel.id, plugin: panel.plugin, partial: panel.partial, data };
    } catch (error) {
      const where = { requestId: ctx.requestId, plugin: panel.plugin, panel: panel.id, product: product.id };
      this.logger.error({ err: error, ...where }, 'product page panel failed; left out');
      return undefined;
    }
  }
}
