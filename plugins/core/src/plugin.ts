import { definePlugin, HostServices } from '@wizamart/plugin-sdk';
import { registerHelpers } from './helpers/view-helpers.js';
import { pageLocalsStage } from './http/page-locals.js';
import { CoreServices } from './index.js';
import { adminPagesRouter, storePagesRouter } from './routes/account.routes.js';
import { adminPluginPages } from './routes/admin-plugins.pages.js';
import { adminPluginsApi } from './routes/admin-plugins.routes.js';
import { adminHomeRouter, storefrontHomeRouter, storeHomeRouter } from './routes/home.routes.js';
import { addCoreMenus } from './routes/menus.js';
import { createCoreUi, type RegisteredSection } from './services/core-ui.service.js';
import { Translations } from './services/i18n.js';
import { PluginAdminService } from './services/plugin-admin.service.js';
import { IconSet } from './services/icons.js';

export default definePlugin({
  deps: { plugins: HostServices.plugins, platforms: HostServices.platforms, menus: HostServices.menus },
  register(ctx, deps) {
    const translations = new Translations();
    translations.load(ctx.plugin.code, ctx.i18n.dir);
    const sections: RegisteredSection[] = [];
    const ui = createCoreUi(translations, sections);
    ctx.services.provide(CoreServices.ui, ui);
    registerHelpers(ctx.views, { translations, icons: new IconSet() });
    ctx.routes.use('theme', pageLocalsStage({ menus: () => deps.menus }));
    ctx.routes.home('admin', adminHomeRouter(ctx, deps));
    ctx.routes.home('store', storeHomeRouter(ctx));
    ctx.routes.home('storefront', storefrontHomeRouter(ctx, deps, sections));
    ctx.routes.pages('admin', adminPagesRouter(ctx, deps));
    ctx.routes.pages('store', storePagesRouter(ctx));
    // Plugin enablement is the host's; core gives it the admin console page and API (ADR 0004).
    const plugins = new PluginAdminService(
      () => deps.plugins,
      () => deps.platforms,
    );
    ctx.routes.home('admin', adminPluginPages(ctx.routes, plugins, ui));
    ctx.routes.apiRoot('admin', adminPluginsApi(ctx.routes, plugins));
    addCoreMenus(ctx.menus);
  },
});
