import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('catalog: store API', () => {
  let test: TestHost;
  let owner: string;
  let staff: string;
  before(async () => {
    test = await bootCatalog();
    [owner, staff] = await Promise.all([
      staffToken(test, 'owner@fashion.local', 'fashion'),
      staffToken(test, 'staff@fashion.local', 'fashion'),
    ]);
  });
  after(async () => test?.stop());

  it('exports products as CSV with formula cells neutralised', async () => {
    const dangerous = [
      '=HYPERLINK("http://evil.example","x")',
      '+cmd|calc',
      '-2+3',
      '@SUM(A1:A2)',
      '\tTabbed',
      '\rReturn',
    ];
    for (const [n, value] of dangerous.entries()) {
      // Titles are trimmed on input, so the tab and CR cases travel in the description.
      await createProduct(test, owner, 'fashion', {
        title: n < 4 ? value : `Safe ${n}`,
        slug: `formula-${n}`,
        description: value,
        variants: [{ sku: `F-${n}`, price: 500 + n }],
      });
    }
    await createProduct(test, owner, 'fashion', {
      title: 'Quoted, "comma"',
      description: 'Line one,\n"quoted" line two',
      variants: [{ sku: 'Q-1', price: 42 }],
    });
    const res = await request(test.app)
      .get('/api/v1/store/fashion/catalog/products.csv')
      .set(bearer(staff))
      .expect(200);
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    expect(res.headers['content-disposition']).to.include('products-fashion.csv');
    const rows = parseCsv(res.text);
    const column = (name: string) => rows.slice(1).map((row) => row[rows[0].indexOf(name)]);
    expect(rows[0]).to.include.members(['product_id', 'title', 'sku', 'price', 'description']);
    expect(rows).to.have.length(dangerous.length + 2);
    for (const value of dangerous) expect(column('description')).to.include(`'${value}`);
    for (const value of dangerous.slice(0, 4)) expect(column('title')).to.include(`'${value}`);
    for (const cell of rows.slice(1).flat()) expect(cell, JSON.stringify(cell)).not.to.match(/^[=+@\t\r]|^-[^0-9]/);
    expect(column('title')).to.include('Quoted, "comma"');
    expect(column('description')).to.include('Line one,\n"quoted" line two');
    expect(column('price')).to.include.members(['503', '42']);
  });

  it('a bad product gets 400 with one readable entry per field in details.fields', async () => {
    const bad = productBody('', { variants: [{ sku: 'NEG-1', price: -5 }] });
    const res = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send(bad)
      .expect(400);
    expect(res.body.error.code).to.equal('WZ_VALIDATION');
    expect(res.body.error.message).to.equal('Some fields need attention: title, price');
    const fields = res.body.error.details.fields.map(({ path, code, message }: Record<string, string>) => ({
      path,
      code,
      message,
    }));
    expect(fields).to.deep.equal([
      { path: '/title', code: 'required', message: 'This field is required' },
      { path: '/variants/0/price', code: 'too_small', message: 'Must be at least 0' },
    ]);
    expect(JSON.stringify(res.body)).not.to.match(/\\S|must NOT|must be >=/);
  });

  it('rejects unknown fields and bad variants, changing nothing', async () => {
    const before = (
      await request(test.app).get('/api/v1/store/fashion/catalog/products').set(bearer(owner)).expect(200)
    ).body.total;
    const unknown = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send({ ...productBody('Extra'), storeId: 'x' })
      .expect(400);
    expect(unknown.body.error.code).to.equal('WZ_VALIDATION');
    expect(unknown.body.error.details.problems[0].path).to.equal('/storeId');
    const nested = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send(productBody('Nested', { variants: [{ sku: 'N-1', price: 1, stock: 5 }] }))
      .expect(400);
    expect(nested.body.error.code).to.equal('WZ_VALIDATION');
    const combo = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send(
        productBody('Combo', {
          options: [{ name: 'Size', values: ['S', 'M'] }],
          variants: [
            { sku: 'C-1', price: 1, optionValues: { Size: 'S' } },
            { sku: 'C-2', price: 1, optionValues: { Size: 'S' } },
          ],
        }),
      )
      .expect(400);
    expect(combo.body.error.code).to.equal('WZ_CATALOG_VARIANTS_INVALID');
    const after = (await request(test.app).get('/api/v1/store/fashion/catalog/products').set(bearer(owner)).expect(200))
      .body.total;
    expect(after).to.equal(before);
  });

  it('keeps slugs and SKUs unique per store, and needs catalog.manage to write', async () => {
    const first = await createProduct(
      test,
      owner,
      'fashion',
      productBody('Unique Tee', {
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { sku: 'TEE-S', price: 1500, optionValues: { Size: 'S' } },
          { sku: 'TEE-M', price: 1700, optionValues: { Size: 'M' } },
        ],
      }),
    );
    expect(first.slug).to.equal('unique-tee');
    const slug = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send(productBody('Unique Tee', { variants: [{ sku: 'OTHER', price: 1 }] }))
      .expect(409);
    expect(slug.body.error.code).to.equal('WZ_CATALOG_SLUG_TAKEN');
    const sku = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send(productBody('Another Tee', { variants: [{ sku: 'tee-s', price: 1 }] }))
      .expect(409);
    expect(sku.body.error.code).to.equal('WZ_CATALOG_SKU_TAKEN');
    const techhub = await staffToken(test, 'owner@techhub.local', 'techhub');
    await createProduct(
      test,
      techhub,
      'techhub',
      productBody('Unique Tee', { variants: [{ sku: 'TEE-S', price: 1 }] }),
    );
    const refused = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(staff))
      .send(productBody('Staff Tee'))
      .expect(403);
    expect(refused.body.error.code).to.equal('WZ_AUTH_FORBIDDEN');
  });

  it('builds a category tree and filters by a category and its subcategories', async () => {
    const post = (body: Record<string, unknown>) =>
      request(test.app).post('/api/v1/store/fashion/catalog/categories').set(bearer(owner)).send(body).expect(201);
    const women = (await post({ name: 'Women' })).body;
    const dresses = (await post({ name: 'Dresses', parentId: women.id })).body;
    await createProduct(test, owner, 'fashion', productBody('Summer Dress', { categoryIds: [dresses.id] }));
    const tree = await request(test.app).get('/api/v1/storefront/fashion/catalog/categories').expect(200);
    expect(tree.body.items[0]).to.deep.include({ slug: 'women' });
    expect(tree.body.items[0].children[0]).to.deep.include({ slug: 'dresses' });
    const inWomen = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ category: 'women' })
      .expect(200);
    expect(inWomen.body.items.map((item: { title: string }) => item.title)).to.deep.equal(['Summer Dress']);
    const cycle = await request(test.app)
      .patch(`/api/v1/store/fashion/catalog/categories/${women.id}`)
      .set(bearer(owner))
      .send({ parentId: dresses.id })
      .expect(409);
    expect(cycle.body.error.code).to.equal('WZ_CATALOG_CATEGORY_CYCLE');
    const unknown = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ category: 'nope' })
      .expect(404);
    expect(unknown.body.error.code).to.equal('WZ_CATALOG_CATEGORY_NOT_FOUND');
  });
});
