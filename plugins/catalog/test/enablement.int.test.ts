import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

interface Enablement {
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: { dryRun: boolean; release: boolean; actor: string },
  ): Promise<{ plan: { disable: string[] } }>;
}

describe('catalog: turned off on a platform', () => {
  let test: TestHost;
  const changes = () => (test.host as { enablementChanges: Enablement }).enablementChanges;
  before(async () => {
    test = await bootCatalog(['inventory']);
    const owner = await staffToken(test, 'owner@fashion.local', 'fashion');
    await createProduct(test, owner, 'fashion', productBody('Toggle Tote'));
  });
  after(async () => test?.stop());

  it('hides products, links and the dependent inventory; the storefront home still renders', async () => {
    const on = await request(test.app).get('/storefront/fashion').expect(200);
    expect(on.text).to.include('/storefront/fashion/products');
    const result = await changes().change('main', 'catalog', 'disable', {
      dryRun: false,
      release: false,
      actor: 'test',
    });
    expect(result.plan.disable).to.have.members(['catalog', 'inventory']);
    const home = await request(test.app).get('/storefront/fashion').expect(200);
    expect(home.text).not.to.include('/catalog/');
    expect(home.text).not.to.include('/storefront/fashion/products');
    const api = await request(test.app).get('/api/v1/storefront/fashion/catalog/products').expect(404);
    expect(api.body.error.code).to.equal('WZ_PLUGIN_DISABLED');
    expect((await request(test.app).get('/storefront/fashion/catalog/products/toggle-tote')).status).to.equal(404);
    expect(
      (await request(test.app).get('/storefront/fashion/products/toggle-tote')).status,
      'the short URL is gated too',
    ).to.equal(404);
    await changes().change('main', 'catalog', 'enable', { dryRun: false, release: false, actor: 'test' });
    const back = await request(test.app).get('/api/v1/storefront/fashion/catalog/products').expect(200);
    expect(back.body.items.map((item: { slug: string }) => item.slug)).to.deep.equal(['toggle-tote']);
    const token = await staffToken(test, 'owner@fashion.local', 'fashion');
    await request(test.app).get('/api/v1/store/fashion/inventory/locations').set(bearer(token)).expect(404);
    const product = await request(test.app).get('/api/v1/storefront/fashion/catalog/products/toggle-tote').expect(200);
    expect(product.body.variants[0].stock).to.equal(null);
    await changes().change('main', 'inventory', 'enable', { dryRun: false, release: false, actor: 'test' });
    const tracked = await request(test.app).get('/api/v1/storefront/fashion/catalog/products/toggle-tote').expect(200);
    expect(tracked.body.variants[0].stock).to.equal('out_of_stock');
  });
});
