import { definePlugin, HostServices, optional, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CatalogServices } from '@wizamart/plugin-catalog/tokens';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { AuthServices } from '@wizamart/plugin-auth/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { CartServices } from './index.js';
import { CartRepository } from './repositories/cart.repository.js';
import { addToCartPanel } from './routes/add-to-cart.panel.js';
import { shopperOf, type CartDeps } from './routes/deps.js';
import { storefrontApiRoutes } from './routes/storefront-api.routes.js';
import { storefrontPageRoutes } from './routes/storefront-pages.routes.js';
import { CartService } from './services/cart.service.js';
import { resolveShopper } from './services/shopper.js';

/** The services cart uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  auth: AuthServices.auth,
  ui: CoreServices.ui,
  variants: CatalogServices.variants,
  productPage: CatalogServices.productPage,
  plugins: HostServices.plugins,
  // inventory is optional and its package may be absent from an install: its token is loaded lazily.
  stock: optional(() => import('@wizamart/plugin-inventory/tokens').then((m) => m.InventoryServices.stock)),
};

function createDeps(ctx: PluginContext, services: ResolvedDeps<typeof dependencies>): CartDeps {
  // Read on use: inventory may be missing, or fail after this plugin registered.
  const stock = () => services.stock;
  return {
    stores: services.stores,
    auth: services.auth,
    ui: services.ui,
    carts: new CartService(new CartRepository(() => ctx.db), services.variants, stock),
    pluginActive: (platform, code) => {
      const { plugins } = services;
      // Enablement is kept in the database: a plugin that failed at boot can still be enabled there, but has no pages.
      return (
        plugins.isEnabled(platform, code) &&
        plugins.list().some((plugin) => plugin.code === code && plugin.state === 'loaded')
      );
    },
  };
}

function provideServices(ctx: PluginContext, deps: CartDeps): void {
  const { carts } = deps;
  ctx.services.provide(CartServices.carts, {
    get: (rctx, cartId) => carts.get(rctx, cartId),
    forShopper: async (rctx, guestToken) => {
      const { owner } = await resolveShopper(carts, rctx, guestToken);
      return owner ? carts.find(rctx, owner) : undefined;
    },
    summaryForShopper: async (rctx, guestToken) => {
      const { owner } = await resolveShopper(carts, rctx, guestToken);
      return owner ? carts.summary(rctx, owner) : undefined;
    },
    clear: (rctx, cartId) => carts.clear(rctx, cartId),
    lock: (rctx, cartId) => carts.lock(rctx, cartId),
    unlock: (rctx, cartId) => carts.unlock(rctx, cartId),
    markConverted: (rctx, cartId, reference) => carts.markConverted(rctx, cartId, reference),
    setStatus: async (rctx, cartId, to, reference) => {
      await carts.setStatus(rctx, cartId, to, reference);
    },
  });
}

export default definePlugin({
  deps: dependencies,
  register(ctx, resolved) {
    const deps = createDeps(ctx, resolved);
    deps.ui.registerLocales(ctx);
    provideServices(ctx, deps);
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    ctx.menus.add('storefront', { id: 'cart', label: 'cart.menu.cart', path: '/', icon: 'shopping-cart', order: 150 });
    // The mini-cart: a line on the storefront home with the item count and a link (only when the cart has items).
    deps.ui.addStorefrontSection(ctx, {
      id: 'mini-cart',
      order: 5,
      partial: 'cart/mini-cart',
      load: async (req) => {
        const shopper = await shopperOf(deps, req);
        const cart = await deps.carts.current(shopper.ctx, shopper.owner);
        return cart.itemCount
          ? { itemCount: cart.itemCount, cartUrl: `${deps.ui.base(req, 'storefront')}/cart` }
          : undefined;
      },
    });
    // "Add to cart" on catalog's product page (catalog shows it only while cart is enabled on the platform).
    resolved.productPage.addPanel(ctx, addToCartPanel());
  },
});
