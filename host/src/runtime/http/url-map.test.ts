import { expect } from 'chai';
import { matchStaticModule, matchUrl } from './url-map.js';

describe('URL map', () => {
  it('reads API paths: surface, store (decoded), first segment and the surface-root prefix', () => {
    expect(matchUrl('/api/v1/store/acme%20shop/orders/42')).to.deep.include({
      kind: 'api',
      surface: 'store',
      store: 'acme shop',
      rawStore: 'acme%20shop',
      segment: 'orders',
      prefix: '/api/v1/store/acme%20shop',
    });
    expect(matchUrl('/api/v1/admin/me')).to.deep.include({
      kind: 'api',
      surface: 'admin',
      segment: 'me',
      prefix: '/api/v1/admin',
    });
    expect(matchUrl('/api/v1/shared/payments/webhook')).to.deep.include({
      kind: 'api',
      surface: 'shared',
      segment: 'payments',
    });
  });

  it('reads page paths, surface roots and a store without a segment', () => {
    expect(matchUrl('/storefront/demo/products')).to.deep.include({
      kind: 'pages',
      surface: 'storefront',
      store: 'demo',
      segment: 'products',
      prefix: '/storefront/demo',
    });
    expect(matchUrl('/admin')).to.deep.include({
      kind: 'pages',
      surface: 'admin',
      prefix: '/admin',
      segment: undefined,
    });
    expect(matchUrl('/admin/')).to.deep.include({
      kind: 'pages',
      surface: 'admin',
      prefix: '/admin',
      segment: undefined,
    });
    expect(matchUrl('/store/demo')).to.deep.include({
      surface: 'store',
      store: 'demo',
      prefix: '/store/demo',
      segment: undefined,
    });
    expect(matchUrl('/store')).to.deep.include({ surface: 'store', prefix: '/store' }).and.not.have.property('store');
    expect(matchUrl('/store/')).to.deep.include({ surface: 'store' }).and.not.have.property('store');
  });

  it('tells ops, static, other API and other paths apart, and does not take a surface by its prefix', () => {
    expect(matchUrl('/health')).to.deep.include({ kind: 'ops', surface: 'ops' });
    expect(matchUrl('/health/ready')).to.deep.include({ kind: 'ops', surface: 'ops' });
    expect(matchUrl('/metrics')).to.deep.include({ kind: 'ops', surface: 'ops' });
    expect(matchUrl('/healthy')).to.deep.include({ kind: 'other', surface: 'unknown' });
    expect(matchUrl('/static/modules/core/app.css')).to.deep.include({ kind: 'static', surface: 'static' });
    expect(matchUrl('/api/v2/admin/x')).to.deep.include({ kind: 'api', surface: 'unknown' });
    expect(matchUrl('/administrator')).to.deep.include({ kind: 'other', surface: 'unknown' });
    expect(matchUrl('/api/v1/storefronts/x')).to.deep.include({ kind: 'api', surface: 'unknown' });
    expect(matchUrl('/')).to.deep.include({ kind: 'other', surface: 'unknown' });
    expect(matchUrl('')).to.deep.include({ kind: 'other', surface: 'unknown' });
  });

  it('never throws on malformed %-encoding: the store is absent and the match says malformed', () => {
    for (const path of [
      '/storefront/%E0%A4%A/x',
      '/api/v1/store/%/orders',
      '/store/%zz',
      '/storefront/demo/%E0%A4%A',
      '/admin/%',
    ]) {
      expect(() => matchUrl(path), path).not.to.throw();
    }
    expect(matchUrl('/storefront/%E0%A4%A/x')).to.deep.include({
      surface: 'storefront',
      store: undefined,
      rawStore: '%E0%A4%A',
      malformed: true,
    });
    expect(matchUrl('/api/v1/store/%/orders')).to.deep.include({
      store: undefined,
      malformed: true,
      segment: 'orders',
    });
    expect(matchUrl('/storefront/demo/%E0%A4%A')).to.deep.include({
      store: 'demo',
      segment: '%E0%A4%A',
      malformed: undefined,
    });
  });

  it('splits a plugin static path into the plugin code and the file', () => {
    expect(matchStaticModule('/static/modules/core/css/app.css')).to.deep.equal({
      plugin: 'core',
      file: '/css/app.css',
    });
    expect(matchStaticModule('/static/modules/core')).to.deep.equal({ plugin: 'core' });
    expect(matchStaticModule('/static/other.css')).to.equal(undefined);
  });
});
