import type { PluginMenus } from '@wizamart/plugin-sdk';

/**
 * Core's menu items. The `home` items point at the surface root: the page locals rewrite their href from
 * `<base>/core` to the base, and `<base>/core` redirects there too.
 */
export function addCoreMenus(menus: PluginMenus): void {
  menus.add('admin', { id: 'home', label: 'core.menu.dashboard', path: '/', icon: 'layout-dashboard', order: 0 });
  const plugins = {
    label: 'core.menu.plugins',
    path: '/plugins',
    icon: 'puzzle',
    permission: '*',
    order: 45,
    root: true,
  };
  menus.add('admin', { id: 'plugins', ...plugins });
  menus.add('admin', { id: 'settings', label: 'core.menu.settings', path: '/settings', icon: 'settings', order: 1000 });
  menus.add('store', { id: 'home', label: 'core.menu.dashboard', path: '/', icon: 'layout-dashboard', order: 0 });
  menus.add('storefront', { id: 'home', label: 'core.menu.home', path: '/', icon: 'house', order: 0 });
}
