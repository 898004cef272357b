import { expect } from 'chai';
import { validateManifest } from './manifest.js';

const declared = (code: string) => ({ code, name: 'orders.permissions.x.name', description: 'orders.permissions.x.d' });
const valid = { code: 'orders', name: 'Orders', tier: 'optional', host: '^0.1.0', entry: './dist/src/plugin.js' };

describe('validateManifest', () => {
  it('accepts a minimal manifest and a full one', () => {
    expect(validateManifest(valid).valid).to.equal(true);
    const full = {
      ...valid,
      description: 'Orders and their lines',
      requires: { catalog: '^0.1.0', customers: '>=0.1.0 <0.3.0' },
      optionalRequires: { inventory: '^0.1.0' },
      migrations: './dist/migrations',
      views: './views',
      static: './static',
      locales: './locales',
      permissions: [declared('orders.view'), 'orders.manage'],
      features: ['order_management'],
      config: { type: 'object', properties: { prefix: { type: 'string', default: 'ORD' } } },
    };
    expect(validateManifest(full)).to.deep.include({ valid: true });
  });

  const broken: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an upper-case code', { code: 'Orders' }, /\/code must match pattern/],
    ['an unknown tier', { tier: 'premium' }, /\/tier must be equal to one of the allowed values/],
    ['a bad host range', { host: 'latest-ish' }, /\/host must match format "semver-range"/],
    [
      'a bad requires range',
      { requires: { catalog: 'not a range' } },
      /\/requires\/catalog must match format "semver-range"/,
    ],
    ['an entry escaping the package', { entry: '../other/plugin.js' }, /\/entry must stay inside the package/],
    ['an absolute entry', { entry: '/etc/passwd' }, /\/entry must match pattern/],
    ['an unknown field', { colour: 'red' }, /unknown field "colour"/],
    [
      'a foreign permission',
      { permissions: ['catalog.manage'] },
      /\/permissions\/0 must start with the plugin code "orders\."/,
    ],
    ['a foreign permission object', { permissions: [declared('catalog.view')] }, /\/permissions\/0 must start with/],
    [
      'a permission object without a description',
      { permissions: [{ code: 'orders.view', name: 'orders.a' }] },
      /\/permissions\/0/,
    ],
    [
      'a permission declared twice',
      { permissions: ['orders.view', declared('orders.view')] },
      /\/permissions\/1 is decl/,
    ],
    ['a self-dependency', { requires: { orders: '*' } }, /a plugin cannot require itself/],
  ];
  for (const [what, change, message] of broken) {
    it(`rejects ${what}`, () => {
      const result = validateManifest({ ...valid, ...change });
      expect(result.valid).to.equal(false);
      expect(result.problems.map((p) => `${p.path} ${p.message}`).join('\n')).to.match(message);
    });
  }

  it('reports every missing required field at once', () => {
    const result = validateManifest({});
    expect(result.problems.map((p) => p.message).join(' '))
      .to.include("'code'")
      .and.to.include("'entry'")
      .and.to.include("'host'");
  });
});
