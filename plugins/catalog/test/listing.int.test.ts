import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

interface Listing {
  items: Array<{ title: string; price: number; currency: string; compareAtPrice: number | null }>;
  total: number;
  page: number;
  pages: number;
}

const titles = (listing: Listing) => listing.items.map((item) => item.title);

describe('catalog: storefront listing totals, pages and cards', () => {
  let test: TestHost;
  const list = async (query: Record<string, string>): Promise<Listing> =>
    (await request(test.app).get('/api/v1/storefront/fashion/catalog/products').query(query).expect(200))
      .body as Listing;
  /** The statements a request sends to the catalog's tables. */
  const catalogStatements = async (url: string): Promise<string[]> => {
    const seen: string[] = [];
    const listener = (query: { sql: string }) => {
      if (/\bcatalog\b"?\./.test(query.sql)) seen.push(query.sql);
    };
    test.db.on('query', listener);
    try {
      await request(test.app).get(url).expect(200);
    } finally {
      test.db.off('query', listener);
    }
    return seen;
  };

  before(async () => {
    test = await bootCatalog();
    const owner = await staffToken(test, 'owner@fashion.local', 'fashion');
    const category = async (name: string, parentId?: string) =>
      (
        await request(test.app)
          .post('/api/v1/store/fashion/catalog/categories')
          .set(bearer(owner))
          .send({ name, parentId })
          .expect(201)
      ).body.id as string;
    const tops = await category('Tops');
    const tees = await category('Tees', tops);
    const shoes = await category('Shoes');
    const add = (title: string, price: number, categoryIds: string[], extra: Record<string, unknown> = {}) =>
      createProduct(
        test,
        owner,
        'fashion',
        productBody(title, {
          categoryIds,
          variants: [{ sku: title.replace(/\W+/g, '-').toUpperCase(), price }],
          ...extra,
        }),
      );
    // Created oldest first: Ember Shoe is the newest.
    await add('Amber Tee', 1500, [tees], { featured: true });
    await add('Basalt Tee', 0, [tees], {
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'BASALT-S', price: 2500, compareAtPrice: 3000, optionValues: { Size: 'S' } },
        { sku: 'BASALT-M', price: 2000, compareAtPrice: 2600, optionValues: { Size: 'M' } },
      ],
    });
    await add('Cobalt Top', 3000, [tops]);
    await add('Dune Shoe', 4000, [shoes]);
    await add('Ember Shoe', 4000, [shoes]);
    await add('Draft Tee', 1000, [tees], { status: 'draft' });
  });
  after(async () => test?.stop());

  // The fixture as shoppers see it, oldest first; Tees is a subcategory of Tops. Each title word is searchable.
  const PRODUCTS = [
    { title: 'Amber Tee', price: 1500, categories: ['tees', 'tops'] },
    { title: 'Basalt Tee', price: 2000, categories: ['tees', 'tops'] },
    { title: 'Cobalt Top', price: 3000, categories: ['tops'] },
    { title: 'Dune Shoe', price: 4000, categories: ['shoes'] },
    { title: 'Ember Shoe', price: 4000, categories: ['shoes'] },
  ];
  /** What a listing must answer, worked out from the fixture (equal ranks and prices fall back to newest first). */
  const expected = (query: Record<string, string | undefined>): string[] => {
    const matches = PRODUCTS.map((product, age) => ({ ...product, age })).filter(
      (product) =>
        (!query.q ||
          product.title
            .toLowerCase()
            .split(' ')
            .some((word) => word.startsWith(query.q!))) &&
        (!query.category || product.categories.includes(query.category)) &&
        (!query.minPrice || product.price >= Number(query.minPrice)) &&
        (!query.maxPrice || product.price <= Number(query.maxPrice)),
    );
    const byPrice = query.sort === 'price_asc' ? 1 : query.sort === 'price_desc' ? -1 : 0;
    return matches.sort((a, b) => byPrice * (a.price - b.price) || b.age - a.age).map((product) => product.title);
  };

  it('answers every combination of search, category, prices and order with the right cards, order and total', async () => {
    for (const q of [undefined, 'tee']) {
      for (const category of [undefined, 'tops']) {
        for (const [minPrice, maxPrice] of [
          [undefined, undefined],
          ['2000', undefined],
          [undefined, '3000'],
          ['2000', '3000'],
        ]) {
          for (const sort of [undefined, 'relevance', 'newest', 'price_asc', 'price_desc']) {
            const query = Object.fromEntries(
              Object.entries({ q, category, minPrice, maxPrice, sort }).filter(([, value]) => value !== undefined),
            ) as Record<string, string>;
            const want = expected(query);
            const all = await list({ ...query, pageSize: '100' });
            expect(titles(all), JSON.stringify(query)).to.deep.equal(want);
            expect(all.total, JSON.stringify(query)).to.equal(want.length);
            const second = await list({ ...query, pageSize: '1', page: '2' });
            expect(titles(second), JSON.stringify(query)).to.deep.equal(want.slice(1, 2));
            expect(second, JSON.stringify(query)).to.include({ total: want.length, pages: Math.max(1, want.length) });
          }
        }
      }
    }
  });

  it('pages through the whole listing with the same total on every page', async () => {
    const titlesSeen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const one = await list({ pageSize: '2', page: String(page) });
      expect(one).to.include({ total: 5, page, pages: 3 });
      titlesSeen.push(...titles(one));
    }
    expect(titlesSeen).to.deep.equal(['Ember Shoe', 'Dune Shoe', 'Cobalt Top', 'Basalt Tee', 'Amber Tee']);
  });

  it('still reports the total on a page past the end, and zero when nothing matches', async () => {
    expect(await list({ pageSize: '2', page: '9' })).to.deep.include({ items: [], total: 5, page: 9, pages: 3 });
    expect(await list({ q: 'tee', page: '4' })).to.deep.include({ items: [], total: 2, pages: 1 });
    expect(await list({ q: 'nothingmatcheshere' })).to.deep.include({ items: [], total: 0, pages: 1 });
    expect(await list({ q: 'nothingmatcheshere', page: '2' })).to.deep.include({ items: [], total: 0, pages: 1 });
  });

  it('shows each card with its cheapest variant: price, compare-at price and currency', async () => {
    const [basalt] = (await list({ q: 'basalt' })).items;
    expect(basalt).to.include({ title: 'Basalt Tee', price: 2000, compareAtPrice: 2600, currency: 'EUR' });
    const [amber] = (await list({ q: 'amber' })).items;
    expect(amber).to.include({ price: 1500, compareAtPrice: null, currency: 'EUR' });
  });

  it('reads a page, its total and its cards with one catalog statement (a page past the end adds the count)', async () => {
    const first = await catalogStatements('/api/v1/storefront/fashion/catalog/products?q=tee&sort=price_asc');
    expect(first).to.have.length(1);
    expect(await catalogStatements('/api/v1/storefront/fashion/catalog/products?page=7')).to.have.length(2);
    // The listing page renders the same read beside the category tree.
    expect(await catalogStatements('/storefront/fashion/products')).to.have.length(2);
  });
});
