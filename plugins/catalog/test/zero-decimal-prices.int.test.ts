import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

// The storefront price filter multiplied typed prices by 100, so a JPY store's `minPrice=1200` looked for ¥120,000.
describe('catalog: price filter of a zero-decimal currency store', () => {
  let test: TestHost;
  before(async () => {
    test = await bootCatalog();
    const owner = await staffToken(test, 'owner@techhub.local', 'techhub');
    await request(test.app)
      .patch('/api/v1/store/techhub/tenancy/settings')
      .set(bearer(owner))
      .send({ currency: 'JPY' })
      .expect(200);
    await createProduct(
      test,
      owner,
      'techhub',
      productBody('Yen Cable', { variants: [{ sku: 'YEN-1', price: 1200 }] }),
    );
  });
  after(async () => test?.stop());

  const listing = (query: Record<string, string>) =>
    request(test.app).get('/storefront/techhub/catalog/products').query(query).expect(200);

  it('matches a product priced 1200 JPY with minPrice=1200 typed in yen', async () => {
    expect((await listing({ minPrice: '1200' })).text).to.include('data-product="yen-cable"');
    expect((await listing({ minPrice: '1200', maxPrice: '1200' })).text).to.include('data-product="yen-cable"');
    expect((await listing({ minPrice: '1201' })).text).not.to.include('data-product="yen-cable"');
  });

  it('rejects decimals the currency does not have', async () => {
    await request(test.app).get('/storefront/techhub/catalog/products').query({ minPrice: '12.5' }).expect(400);
  });

  it('shows the price in yen on the product page', async () => {
    const page = await request(test.app).get('/storefront/techhub/products/yen-cable').expect(200);
    expect(page.text).to.include('¥1,200');
  });
});
