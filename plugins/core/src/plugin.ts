import { definePlugin, HostServices } from '@wizamart/plugin-sdk';
import { registerHelpers } from './helpers/view-helpers.js';
import { pageLocalsStage } from './http/page-locals.js';
import { CoreServices } from './index.js';
import { adminPagesRouter, storePagesRouter } from './routes/account.routes.js';
import { adminHomeRouter, storefrontHomeRouter, storeHomeRouter } from './routes/home.routes.js';
import { addCoreMenus } from './routes/menus.js';
import { createCoreUi, type RegisteredSection } from './services/core-ui.service.js';
import { Translations } from './services/i18n.js';
import { IconSet } from './services/icons.js';

export default definePlugin({
  deps: { plugins: HostServices.plugins, platforms: HostServices.platforms, menus: HostServices.menus },
  register(ctx, deps) {
    const translations = new Translations();
    translations.load(ctx.plugin.code, ctx.i18n.dir);
    const sections: RegisteredSection[] = [];
    ctx.services.provide(CoreServices.ui, createCoreUi(translations, sections));
    registerHelpers(ctx.views, { translations, icons: new IconSet() });
    ctx.routes.use('theme', pageLocalsStage({ menus: () => deps.menus }));
    ctx.routes.home('admin', adminHomeRouter(ctx, deps));
    ctx.routes.home('store', storeHomeRouter(ctx));
    ctx.routes.home('storefront', storefrontHomeRouter(ctx, deps, sections));
    ctx.routes.pages('admin', adminPagesRouter(ctx, deps));
    ctx.routes.pages('store', storePagesRouter(ctx));
    addCoreMenus(ctx.menus);
  },
});
