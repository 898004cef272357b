import type { PluginContext } from '@wizamart/plugin-sdk';
import { CoreServices } from '@wizamart/plugin-core';
import { TENANCY_PERMISSIONS as P } from '../index.js';
import type { Tenancy } from '../tenancy.js';
import { adminConsolePages } from './admin-console.pages.js';
import { adminStorePages } from './admin-stores.pages.js';
import { storeDashboardPages } from './store-dashboard.pages.js';

/** Mounts tenancy's admin console and store dashboard pages, and their menu items. */
export function mountPages(ctx: PluginContext, tenancy: Tenancy): void {
  const ui = () => ctx.services.getOptional(CoreServices.ui);
  // Menu labels are locale keys (`tenancy.menu.*`); page texts are English for now. Admin items need `*` (held by
  // every platform admin) so signed-out visitors of the sign-in page do not see the console's menu.
  ui()?.registerLocales(ctx);
  ctx.routes.pages('admin', adminStorePages(ctx.routes, tenancy, ui));
  ctx.routes.pages('admin', adminConsolePages(ctx.routes, tenancy, ui));
  ctx.routes.pages('store', storeDashboardPages(ctx.routes, tenancy, ui));
  ctx.menus.add('admin', {
    id: 'stores',
    label: 'tenancy.menu.stores',
    path: '/stores',
    icon: 'store',
    permission: '*',
    order: 20,
  });
  ctx.menus.add('admin', {
    id: 'merchants',
    label: 'tenancy.menu.merchants',
    path: '/merchants',
    icon: 'briefcase',
    permission: '*',
    order: 30,
  });
  ctx.menus.add('admin', {
    id: 'platforms',
    label: 'tenancy.menu.platforms',
    path: '/platforms',
    icon: 'globe',
    permission: '*',
    order: 40,
  });
  ctx.menus.add('admin', {
    id: 'admins',
    label: 'tenancy.menu.admins',
    path: '/admins',
    icon: 'shield-check',
    permission: '*',
    order: 50,
  });
  ctx.menus.add('admin', {
    id: 'audit',
    label: 'tenancy.menu.audit',
    path: '/audit',
    icon: 'scroll-text',
    permission: '*',
    order: 60,
  });
  ctx.menus.add('store', {
    id: 'team',
    label: 'tenancy.menu.team',
    path: '/team',
    icon: 'users',
    permission: P.teamView,
    order: 80,
  });
  ctx.menus.add('store', {
    id: 'roles',
    label: 'tenancy.menu.roles',
    path: '/roles',
    icon: 'key-round',
    permission: P.teamView,
    order: 81,
  });
  ctx.menus.add('store', {
    id: 'settings',
    label: 'tenancy.menu.settings',
    path: '/settings',
    icon: 'settings',
    permission: P.settingsManage,
    order: 90,
  });
}
