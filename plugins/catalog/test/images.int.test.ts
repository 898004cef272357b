import { expect } from 'chai';
import { inflateSync } from 'node:zlib';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCatalog, createProduct, productBody, runSeeds, staffToken } from './helpers.js';

// A 1×1 PNG, as a store owner would upload through the media library.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3d2b1bc0000000049454e44ae426082',
  'hex',
);

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('catalog: product images from the cms media library', () => {
  let test: TestHost;
  let fashion: string;
  let techhub: string;
  const upload = async (store: string, token: string, name: string) =>
    (
      await request(test.app)
        .post(`/api/v1/store/${store}/cms/media`)
        .set(bearer(token))
        .attach('file', PNG, { filename: name, contentType: 'image/png' })
        .expect(201)
    ).body as { id: string; url: string };
  const products = async (q: string) =>
    (
      await request(test.app)
        .get('/api/v1/store/fashion/catalog/products')
        .query({ q })
        .set(bearer(fashion))
        .expect(200)
    ).body;

  before(async () => {
    test = await bootCatalog();
    fashion = await staffToken(test, 'owner@fashion.local', 'fashion');
    techhub = await staffToken(test, 'owner@techhub.local', 'techhub');
  });
  after(async () => test?.stop());

  it("refuses another store's media id (400 WZ_CATALOG_IMAGE_UNKNOWN) and creates nothing", async () => {
    const foreign = await upload('techhub', techhub, 'laptop.png');
    const res = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(fashion))
      .send(productBody('Borrowed Picture Dress', { images: [{ mediaId: foreign.id }] }))
      .expect(400);
    expect(res.body.error.code).to.equal('WZ_CATALOG_IMAGE_UNKNOWN');
    expect(res.body.error.details.mediaIds).to.deep.equal([foreign.id]);
    expect((await products('borrowed')).total).to.equal(0);
    const unknown = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(fashion))
      .send(productBody('Ghost Picture Dress', { images: [{ mediaId: '00000000-0000-4000-8000-000000000000' }] }))
      .expect(400);
    expect(unknown.body.error.code).to.equal('WZ_CATALOG_IMAGE_UNKNOWN');
  });

  it('keeps a product unchanged when an update names a foreign image', async () => {
    const own = await upload('fashion', fashion, 'scarf.png');
    const foreign = await upload('techhub', techhub, 'cable.png');
    const product = await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Picture Scarf', { images: [{ mediaId: own.id, alt: 'Red scarf' }] }),
    );
    const res = await request(test.app)
      .put(`/api/v1/store/fashion/catalog/products/${product.id}`)
      .set(bearer(fashion))
      .send(productBody('Picture Scarf Renamed', { images: [{ mediaId: own.id }, { mediaId: foreign.id }] }))
      .expect(400);
    expect(res.body.error.code).to.equal('WZ_CATALOG_IMAGE_UNKNOWN');
    const stored = await request(test.app)
      .get(`/api/v1/store/fashion/catalog/products/${product.id}`)
      .set(bearer(fashion))
      .expect(200);
    expect(stored.body.title).to.equal('Picture Scarf');
    expect(stored.body.images).to.deep.equal([{ mediaId: own.id, alt: 'Red scarf', position: 0 }]);
  });

  it("shows the images on the storefront listing, product page and API with the media library's links and sizes", async () => {
    const front = await upload('fashion', fashion, 'front.png');
    const back = await upload('fashion', fashion, 'back.png');
    await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Gallery Coat', {
        images: [{ mediaId: front.id, alt: 'Coat, front' }, { mediaId: back.id }, { mediaId: front.id }],
      }),
    );
    const api = await request(test.app).get('/api/v1/storefront/fashion/catalog/products/gallery-coat').expect(200);
    expect(api.body.images).to.deep.equal([
      { url: `/storefront/fashion/cms/media/${front.id}`, alt: 'Coat, front', width: 1, height: 1 },
      { url: `/storefront/fashion/cms/media/${back.id}`, alt: 'Gallery Coat', width: 1, height: 1 },
    ]);
    const listing = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ q: 'gallery coat' })
      .expect(200);
    expect(listing.body.items[0]).to.include({ imageUrl: front.url, imageWidth: 1, imageHeight: 1 });
    const page = await request(test.app).get('/storefront/fashion/catalog/products/gallery-coat').expect(200);
    expect(page.text).to.include(`<img src="${front.url}" alt="Coat, front" width="1" height="1" data-gallery-image`);
    const cards = await request(test.app)
      .get('/storefront/fashion/catalog/products')
      .query({ q: 'gallery' })
      .expect(200);
    expect(cards.text).to.include(
      `<img src="${front.url}" alt="" width="1" height="1" loading="lazy" data-product-image`,
    );
    const served = await request(test.app).get(front.url).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(served.body as Buffer, PNG)).to.equal(0);
  });

  it('drops an image deleted from the media library from the storefront and from the dashboard form', async () => {
    const kept = await upload('fashion', fashion, 'kept.png');
    const gone = await upload('fashion', fashion, 'gone.png');
    const product = await createProduct(
      test,
      fashion,
      'fashion',
      productBody('Fading Hat', { images: [{ mediaId: gone.id }, { mediaId: kept.id }] }),
    );
    const before = await request(test.app)
      .get(`/store/fashion/catalog/products/${product.id}`)
      .set(bearer(fashion))
      .expect(200);
    expect(before.text).to.include(gone.url).and.include(kept.url);
    await request(test.app).delete(`/api/v1/store/fashion/cms/media/${gone.id}`).set(bearer(fashion)).expect(204);
    const api = await request(test.app).get('/api/v1/storefront/fashion/catalog/products/fading-hat').expect(200);
    expect(api.body.images.map((image: { url: string }) => image.url)).to.deep.equal([kept.url]);
    const form = await request(test.app)
      .get(`/store/fashion/catalog/products/${product.id}`)
      .set(bearer(fashion))
      .expect(200);
    expect(form.text).to.include(kept.url).and.not.include(gone.id);
  });
});

describe('catalog: demo seed pictures', () => {
  let test: TestHost;
  before(async () => {
    test = await bootCatalog([], { WIZAMART_CATALOG_DEMO_PRODUCTS: 'true' });
  });
  after(async () => test?.stop());

  it('gives every demo product two generated 600×600 PNG pictures of its own store', async () => {
    const listing = await request(test.app)
      .get('/api/v1/storefront/techhub/catalog/products')
      .query({ pageSize: 100 })
      .expect(200);
    expect(listing.body.total).to.be.greaterThan(20);
    expect(
      listing.body.items.every((item: { imageUrl: string | null }) =>
        item.imageUrl?.startsWith('/storefront/techhub/cms/media/'),
      ),
    ).to.equal(true);
    const product = await request(test.app)
      .get(`/api/v1/storefront/techhub/catalog/products/${listing.body.items[0].slug}`)
      .expect(200);
    expect(product.body.images).to.have.length(2);
    expect(product.body.images[0]).to.include({ width: 600, height: 600, alt: product.body.title });
    const png = (await request(test.app).get(product.body.images[0].url).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    expect(png.subarray(1, 4).toString()).to.equal('PNG');
    // IDAT after the 33 bytes of signature and IHDR: 600 rows of a filter byte and 600 RGB pixels.
    expect(inflateSync(png.subarray(41, 41 + png.readUInt32BE(33))).length).to.equal(600 * (1 + 600 * 3));
  });

  it('uploads no pictures again when the seed runs a second time', async () => {
    const count = async () => Number((await test.db('cms.media').count({ n: '*' }))[0].n);
    const before = await count();
    expect(before).to.be.greaterThan(0).and.at.most(24);
    await runSeeds(test, 'demo');
    expect(await count()).to.equal(before);
  });
});
