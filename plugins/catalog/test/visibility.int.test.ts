import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

/** Every storefront address that shows products, for a store and a search word. */
function storefrontUrls(store: string, word: string, slug: string): string[] {
  return [
    `/api/v1/storefront/${store}/catalog/products`,
    `/api/v1/storefront/${store}/catalog/products?q=${word}`,
    `/api/v1/storefront/${store}/catalog/products?sort=price_asc&pageSize=100`,
    `/api/v1/storefront/${store}/catalog/products/${slug}`,
    `/storefront/${store}/catalog`,
    `/storefront/${store}/catalog/products`,
    `/storefront/${store}/catalog/products?q=${word}`,
    `/storefront/${store}/catalog/products/${slug}`,
    `/storefront/${store}/catalog/sitemap.xml`,
    `/storefront/${store}/products`,
    `/storefront/${store}/products?q=${word}`,
    `/storefront/${store}/products/${slug}`,
  ];
}

describe('catalog: what shoppers can see', () => {
  let test: TestHost;
  let fashion: string;
  let techhub: string;

  before(async () => {
    test = await bootCatalog();
    [fashion, techhub] = await Promise.all([
      staffToken(test, 'owner@fashion.local', 'fashion'),
      staffToken(test, 'owner@techhub.local', 'techhub'),
    ]);
    await createProduct(test, fashion, 'fashion', productBody('Visible Vantablack Coat', { slug: 'visible-coat' }));
    await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Draft Vantablack Hat', { slug: 'draft-hat', status: 'draft' }),
    );
    const archived = await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Archived Vantablack Boots', { slug: 'archived-boots' }),
    );
    await request(test.app)
      .post('/api/v1/store/fashion/catalog/products/status')
      .set(bearer(fashion))
      .send({ ids: [archived.id], status: 'archived' })
      .expect(200);
    const deleted = await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Deleted Vantablack Gloves', { slug: 'deleted-gloves' }),
    );
    await request(test.app)
      .delete(`/api/v1/store/fashion/catalog/products/${deleted.id}`)
      .set(bearer(fashion))
      .expect(204);
    await createProduct(test, techhub, 'techhub', productBody('Techhub Vantablack Laptop', { slug: 'techhub-laptop' }));
  });
  after(async () => test?.stop());

  it('shows an active product of the store', async () => {
    const list = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ q: 'vantablack' })
      .expect(200);
    expect(list.body.items.map((item: { slug: string }) => item.slug)).to.deep.equal(['visible-coat']);
    await request(test.app).get('/api/v1/storefront/fashion/catalog/products/visible-coat').expect(200);
  });

  it('every storefront endpoint of the list works and shows the active product', async () => {
    for (const url of storefrontUrls('fashion', 'vantablack', 'visible-coat')) {
      if (url.endsWith('/catalog')) continue; // the catalog home lists featured products only
      const res = await request(test.app).get(url).expect(200);
      expect(res.text || JSON.stringify(res.body), url).to.include('visible-coat');
    }
  });

  for (const slug of ['draft-hat', 'archived-boots', 'deleted-gloves', 'techhub-laptop']) {
    it(`never returns ${slug} on any storefront endpoint of fashion`, async () => {
      for (const url of storefrontUrls('fashion', 'vantablack', slug)) {
        const res = await request(test.app).get(url);
        const body = res.text || JSON.stringify(res.body);
        // A 404 page may echo its own address (language links), so the slug is checked on the other addresses.
        if (!url.includes(slug)) expect(body, url).not.to.include(slug);
        expect(body.toLowerCase(), url).not.to.match(
          /draft vantablack|archived vantablack|deleted vantablack|techhub vantablack/,
        );
        expect(res.status, url).to.equal(url.endsWith(`/products/${slug}`) ? 404 : 200);
      }
    });
  }

  it('keeps store staff to their own store’s products', async () => {
    const list = await request(test.app).get('/api/v1/store/techhub/catalog/products').set(bearer(techhub)).expect(200);
    expect(list.body.items.map((item: { slug: string }) => item.slug)).to.deep.equal(['techhub-laptop']);
    const coat = (
      await request(test.app)
        .get('/api/v1/store/fashion/catalog/products')
        .query({ q: 'coat' })
        .set(bearer(fashion))
        .expect(200)
    ).body.items[0];
    const foreign = await request(test.app)
      .get(`/api/v1/store/techhub/catalog/products/${coat.id}`)
      .set(bearer(techhub))
      .expect(404);
    expect(foreign.body.error.code).to.equal('WZ_CATALOG_PRODUCT_NOT_FOUND');
    const bulk = await request(test.app)
      .post('/api/v1/store/techhub/catalog/products/status')
      .set(bearer(techhub))
      .send({ ids: [coat.id], status: 'draft' })
      .expect(200);
    expect(bulk.body.updated).to.equal(0);
    await request(test.app).get('/api/v1/store/fashion/catalog/products').set(bearer(techhub)).expect(401);
  });
});
