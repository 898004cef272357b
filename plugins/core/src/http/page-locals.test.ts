import { expect } from 'chai';
import type { MenuEntry } from '@wizamart/plugin-sdk';
import { isSafeImageUrl, withHomeLink } from './page-locals.js';

const entry = (plugin: string, id: string, href: string): MenuEntry => ({
  plugin,
  id,
  href,
  label: id,
  path: '/',
  active: false,
  children: [],
});

describe('page locals', () => {
  it('points core’s home item at the surface root', () => {
    const menu = withHomeLink(
      [entry('core', 'home', '/store/s/core'), entry('orders', 'home', '/store/s/orders')],
      '/store/s',
      '/store/s',
    );
    expect(menu.map((item) => [item.href, item.active])).to.deep.equal([
      ['/store/s', true],
      ['/store/s/orders', false],
    ]);
    expect(withHomeLink([entry('core', 'home', '/core')], '/', '/products')[0]).to.include({
      href: '/',
      active: false,
    });
  });

  it('keeps only same-site paths and https logos', () => {
    expect(isSafeImageUrl('/static/modules/cms/logo.png')).to.equal(true);
    expect(isSafeImageUrl('https://cdn.example.com/logo.svg')).to.equal(true);
    for (const bad of [
      'javascript:alert(1)',
      '//evil.example/x.png',
      'http://plain.example/x.png',
      'data:image/svg+xml,<svg>',
      '/\\evil',
      42,
    ]) {
      expect(isSafeImageUrl(bad), String(bad)).to.equal(false);
    }
  });
});
