import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, staffToken } from './helpers.js';

describe('catalog: dashboard and storefront pages', () => {
  let test: TestHost;
  let owner: string;
  before(async () => {
    test = await bootCatalog();
    owner = await staffToken(test, 'owner@fashion.local', 'fashion');
  });
  after(async () => test?.stop());

  it('creates a product with two variants from the dashboard form and shows it on the storefront', async () => {
    const form = await request(test.app).get('/store/fashion/catalog/products/new').set(bearer(owner)).expect(200);
    expect(form.text).to.include('data-form="product"');
    const payload = JSON.stringify({
      title: 'Form Hoodie',
      description: 'Warm **hoodie**<script>alert(1)</script>',
      status: 'active',
      featured: true,
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'HOOD-S', price: 4900, optionValues: { Size: 'S' } },
        { sku: 'HOOD-M', price: 5200, optionValues: { Size: 'M' } },
      ],
    });
    const saved = await request(test.app)
      .post('/store/fashion/catalog/products')
      .set(bearer(owner))
      .type('form')
      .send({ payload })
      .expect(303);
    expect(saved.headers.location).to.match(/\/store\/fashion\/catalog\/products\/[0-9a-f-]{36}$/);
    const list = await request(test.app)
      .get('/store/fashion/catalog')
      .query({ q: 'hoodie' })
      .set(bearer(owner))
      .expect(200);
    expect(list.text).to.include('Form Hoodie');
    const page = await request(test.app).get('/storefront/fashion/products/form-hoodie').expect(200);
    expect(page.text).to.include('HOOD-S').and.include('HOOD-M').and.include('<strong>hoodie</strong>');
    expect(page.text).not.to.include('<script>alert(1)');
    // SEO basics: description, canonical URL (the short one) and Open Graph, rendered by core's head.
    expect(page.text).to.match(
      /<link rel="canonical" href="http:\/\/[^"]+\/storefront\/fashion\/products\/form-hoodie">/,
    );
    expect(page.text).to.match(
      /<meta property="og:url" content="http:\/\/[^"]+\/storefront\/fashion\/products\/form-hoodie">/,
    );
    expect(page.text)
      .to.include('<meta property="og:title" content="Form Hoodie">')
      .and.include('<meta name="description"');
    const home = await request(test.app).get('/storefront/fashion/catalog').expect(200);
    expect(home.text).to.include('form-hoodie');
  });

  it('filters the storefront page by prices typed in currency units, keeping them in the pager', async () => {
    const inside = await request(test.app)
      .get('/storefront/fashion/catalog/products')
      .query({ minPrice: '48,50', maxPrice: '49' })
      .expect(200);
    expect(inside.text).to.include('data-product="form-hoodie"');
    expect(inside.text).to.include('value="48,50"');
    const above = await request(test.app)
      .get('/storefront/fashion/catalog/products')
      .query({ minPrice: '49.01' })
      .expect(200);
    expect(above.text).not.to.include('data-product="form-hoodie"');
    await request(test.app).get('/storefront/fashion/catalog/products').query({ minPrice: 'cheap' }).expect(400);
  });

  it('re-renders the form with the problem when the variants are invalid, saving nothing', async () => {
    const payload = JSON.stringify({
      title: 'Broken',
      variants: [
        { sku: 'B-1', price: 1 },
        { sku: 'B-2', price: 2 },
      ],
    });
    const res = await request(test.app)
      .post('/store/fashion/catalog/products')
      .set(bearer(owner))
      .type('form')
      .send({ payload })
      .expect(400);
    expect(res.text).to.include('data-error');
    const list = await request(test.app)
      .get('/api/v1/store/fashion/catalog/products')
      .query({ q: 'broken' })
      .set(bearer(owner))
      .expect(200);
    expect(list.body.total).to.equal(0);
  });

  it('changes the status of selected products in bulk and adds categories', async () => {
    const a = await createProduct(test, owner, 'fashion', productBody('Bulk One'));
    const b = await createProduct(test, owner, 'fashion', productBody('Bulk Two'));
    await request(test.app)
      .post('/store/fashion/catalog/products/status')
      .set(bearer(owner))
      .type('form')
      .send(`ids=${a.id}&ids=${b.id}&status=archived`)
      .expect(303);
    const archived = await request(test.app)
      .get('/api/v1/store/fashion/catalog/products')
      .query({ status: 'archived' })
      .set(bearer(owner))
      .expect(200);
    expect(archived.body.items.map((p: { title: string }) => p.title).sort()).to.deep.equal(['Bulk One', 'Bulk Two']);
    await request(test.app)
      .post('/store/fashion/catalog/categories')
      .set(bearer(owner))
      .type('form')
      .send({ name: 'Knitwear' })
      .expect(303);
    const categories = await request(test.app).get('/store/fashion/catalog/categories').set(bearer(owner)).expect(200);
    expect(categories.text).to.include('data-category="knitwear"');
  });

  it('renames and moves a category from the dashboard, refusing a move below itself', async () => {
    const post = (path: string, form: Record<string, string>) =>
      request(test.app).post(`/store/fashion/catalog/categories${path}`).set(bearer(owner)).type('form').send(form);
    await post('', { name: 'Outerwear' }).expect(303);
    await post('', { name: 'Jackets' }).expect(303);
    const tree = async () =>
      (await request(test.app).get('/api/v1/store/fashion/catalog/categories').set(bearer(owner)).expect(200)).body;
    const find = (
      nodes: Array<{ id: string; name: string; slug: string; children: unknown[] }>,
      slug: string,
    ): { id: string; name: string; children: unknown[] } | undefined =>
      nodes.flatMap((node) => [node, ...(node.children as typeof nodes)]).find((node) => node.slug === slug);
    const all = (await tree()).items;
    const outer = find(all, 'outerwear')!;
    const jackets = find(all, 'jackets')!;
    await post(`/${jackets.id}`, { name: 'Coats & Jackets', parentId: outer.id }).expect(303);
    const moved = find((await tree()).items, 'outerwear')!;
    expect(moved.children.map((child) => (child as { name: string }).name)).to.deep.equal(['Coats & Jackets']);
    const cycle = await post(`/${outer.id}`, { name: 'Outerwear', parentId: jackets.id });
    expect(cycle.status).to.equal(409);
    expect(cycle.text).to.include('WZ_CATALOG_CATEGORY_CYCLE');
    expect(find((await tree()).items, 'outerwear')!.children).to.have.length(1);
  });

  it('lists the store’s active products in its sitemap with absolute URLs', async () => {
    const res = await request(test.app).get('/storefront/fashion/sitemap.xml').expect(200);
    expect(res.headers['content-type']).to.match(/xml/);
    expect(res.text).to.match(/<loc>http:\/\/127\.0\.0\.1:\d+\/storefront\/fashion\/products\/form-hoodie<\/loc>/);
    expect(res.text).not.to.include('bulk-one');
  });
});
