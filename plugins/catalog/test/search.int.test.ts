import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

const titles = (res: request.Response) => (res.body.items as Array<{ title: string }>).map((item) => item.title);

describe('catalog: storefront search', () => {
  let test: TestHost;
  let owner: string;
  const search = (q: string, extra: Record<string, string> = {}) =>
    request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ q, ...extra })
      .expect(200);

  before(async () => {
    test = await bootCatalog();
    owner = await staffToken(test, 'owner@fashion.local', 'fashion');
    await createProduct(
      test,
      owner,
      'fashion',
      productBody('Zephyrine Crème Jacket', { description: 'A light jacket in washed cotton.' }),
    );
    await createProduct(
      test,
      owner,
      'fashion',
      productBody('Linen Shirt Quorvex', { description: 'Soft shirt; pairs with the zephyrine jacket.' }),
    );
    await createProduct(
      test,
      owner,
      'fashion',
      productBody('Wool Scarf', { description: 'Knitted from Café-brown merino, a cosy quorvex classic.' }),
    );
  });
  after(async () => test?.stop());

  it('finds words in the title and in the description, title matches ranked first', async () => {
    const res = await search('zephyrine');
    expect(titles(res)).to.deep.equal(['Zephyrine Crème Jacket', 'Linen Shirt Quorvex']);
    expect(res.body.items[0].rank).to.be.greaterThan(res.body.items[1].rank);
    const reverse = await search('quorvex');
    expect(titles(reverse)).to.deep.equal(['Linen Shirt Quorvex', 'Wool Scarf']);
  });

  it('ignores accents and case in both directions', async () => {
    expect(titles(await search('CREME'))).to.deep.equal(['Zephyrine Crème Jacket']);
    expect(titles(await search('crème'))).to.deep.equal(['Zephyrine Crème Jacket']);
    expect(titles(await search('cafe brown'))).to.deep.equal(['Wool Scarf']);
    expect(titles(await search('CAFÉ'))).to.deep.equal(['Wool Scarf']);
  });

  it('needs every word, matches word prefixes, and is safe with tsquery syntax', async () => {
    expect(titles(await search('zephyr cotton'))).to.deep.equal(['Zephyrine Crème Jacket']);
    expect(titles(await search('zephyrine merino'))).to.deep.equal([]);
    // Operators are not tsquery syntax here: `!(scarf)` is the word "scarf", so only the scarf has both words.
    expect(titles(await search("quorvex & !(scarf) | ' :*"))).to.deep.equal(['Wool Scarf']);
  });

  it('sorts by price, pages, and caps the page size at 100', async () => {
    const { body: list } = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ q: 'quorvex', sort: 'price_desc', pageSize: '1', page: '2' })
      .expect(200);
    expect(list).to.include({ total: 2, page: 2, pageSize: 1, pages: 2 });
    const capped = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ pageSize: '101' })
      .expect(400);
    expect(capped.body.error.code).to.equal('WZ_VALIDATION');
    await request(test.app).get('/api/v1/storefront/fashion/catalog/products').query({ unknown: 'x' }).expect(400);
  });

  it('staff can find a product by SKU in the dashboard list', async () => {
    const res = await request(test.app)
      .get('/api/v1/store/fashion/catalog/products')
      .query({ q: 'linen-shirt' })
      .set(bearer(owner))
      .expect(200);
    expect(titles(res)).to.deep.equal(['Linen Shirt Quorvex']);
  });
});
