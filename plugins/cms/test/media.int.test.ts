import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { bearer, bootCms, staffToken, type CmsTestHost } from './helpers.js';
import { TEST_IMAGES } from './images.js';

const THEME = {
  primaryColor: '#be123c',
  accentColor: '#f472b6',
  backgroundColor: '#fff1f2',
  textColor: '#1f2937',
  font: 'serif',
};

describe('cms: media library', () => {
  let test: CmsTestHost;
  let fashion: string;
  let techhub: string;
  before(async () => {
    test = await bootCms();
    fashion = await staffToken(test, 'owner@fashion.local', 'fashion');
    techhub = await staffToken(test, 'owner@techhub.local', 'techhub');
  });
  after(async () => test?.stop());

  const upload = (store: string, token: string, bytes: Buffer, filename: string, contentType: string) =>
    request(test.app)
      .post(`/api/v1/store/${store}/cms/media`)
      .set(bearer(token))
      .attach('file', bytes, { filename, contentType });

  it('stores a PNG under a random name and serves it with its sniffed type and nosniff', async () => {
    const res = await upload('fashion', fashion, TEST_IMAGES.png, 'logo.png', 'application/octet-stream').expect(201);
    expect(res.body).to.include({
      originalName: 'logo.png',
      contentType: 'image/png',
      sizeBytes: TEST_IMAGES.png.length,
    });
    expect(res.body.url).to.equal(`/storefront/fashion/cms/media/${res.body.id}`);
    const served = await request(test.app)
      .get(res.body.url)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(served.headers['content-type']).to.equal('image/png');
    expect(served.headers['x-content-type-options']).to.equal('nosniff');
    expect(Buffer.compare(served.body as Buffer, TEST_IMAGES.png)).to.equal(0);
    const files = readdirSync(test.mediaDir, { recursive: true }).map(String);
    expect(files.some((file) => /^[0-9a-f]{32}\.png$/.test(path.basename(file)))).to.equal(true);
    expect(files.some((file) => file.includes('logo'))).to.equal(false);
  });

  it('accepts JPEG, WebP and GIF by their bytes', async () => {
    for (const [name, bytes] of [
      ['photo.jpg', TEST_IMAGES.jpeg],
      ['pic.webp', TEST_IMAGES.webp],
      ['anim.gif', TEST_IMAGES.gif],
    ] as const) {
      await upload('fashion', fashion, bytes, name, 'image/png').expect(201);
    }
  });

  it('refuses an HTML file renamed .png, and SVG', async () => {
    const html = await upload('fashion', fashion, TEST_IMAGES.html, 'innocent.png', 'image/png').expect(415);
    expect(html.body.error.code).to.equal('WZ_CMS_MEDIA_TYPE_REFUSED');
    const svg = await upload('fashion', fashion, TEST_IMAGES.svg, 'logo.svg', 'image/svg+xml').expect(415);
    expect(svg.body.error.code).to.equal('WZ_CMS_MEDIA_TYPE_REFUSED');
    const list = await request(test.app).get('/api/v1/store/fashion/cms/media').set(bearer(fashion)).expect(200);
    expect(list.body.items.map((item: { originalName: string }) => item.originalName)).not.to.include.members([
      'innocent.png',
      'logo.svg',
    ]);
  });

  it('refuses files over the size limit with 413', async () => {
    const big = Buffer.concat([TEST_IMAGES.png, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload('fashion', fashion, big, 'big.png', 'image/png').expect(413);
    expect(res.body.error.code).to.equal('WZ_CMS_MEDIA_TOO_LARGE');
  });

  it('refuses a body without a file', async () => {
    const res = await request(test.app)
      .post('/api/v1/store/fashion/cms/media')
      .set(bearer(fashion))
      .send({ file: 'x' })
      .expect(400);
    expect(res.body.error.code).to.equal('WZ_CMS_MEDIA_UPLOAD_INVALID');
  });

  it('keeps each store’s media to itself', async () => {
    const own = await upload('techhub', techhub, TEST_IMAGES.gif, 'tech.gif', 'image/gif').expect(201);
    await request(test.app).get(`/storefront/fashion/cms/media/${own.body.id}`).expect(404);
    await request(test.app).delete(`/api/v1/store/fashion/cms/media/${own.body.id}`).set(bearer(fashion)).expect(404);
    await request(test.app).get('/api/v1/store/techhub/cms/media').set(bearer(fashion)).expect(401);
    const list = await request(test.app).get('/api/v1/store/fashion/cms/media').set(bearer(fashion)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.to.include(own.body.id);
    // A logo must be an image of the store itself.
    const res = await request(test.app)
      .put('/api/v1/store/fashion/cms/theme')
      .set(bearer(fashion))
      .send({ ...THEME, logoMediaId: own.body.id })
      .expect(400);
    expect(res.body.error.code).to.equal('WZ_VALIDATION');
  });

  it('shows the store logo on the storefront and drops it when the image is deleted', async () => {
    const logo = await upload('fashion', fashion, TEST_IMAGES.png, 'brand.png', 'image/png').expect(201);
    await request(test.app)
      .put('/api/v1/store/fashion/cms/theme')
      .set(bearer(fashion))
      .send({ ...THEME, logoMediaId: logo.body.id })
      .expect(200);
    const page = await request(test.app).get('/storefront/fashion/cms/about').expect(200);
    expect(page.text).to.include(`src="/storefront/fashion/cms/media/${logo.body.id}"`);
    await request(test.app).delete(`/api/v1/store/fashion/cms/media/${logo.body.id}`).set(bearer(fashion)).expect(204);
    await request(test.app).get(`/storefront/fashion/cms/media/${logo.body.id}`).expect(404);
    const theme = await request(test.app).get('/api/v1/store/fashion/cms/theme').set(bearer(fashion)).expect(200);
    expect(theme.body.logoMediaId).to.equal(null);
  });

  it('uploads through the dashboard form', async () => {
    const page = await request(test.app).get('/store/fashion/cms/media').set(bearer(fashion)).expect(200);
    expect(page.text).to.include('enctype="multipart/form-data"');
    await request(test.app)
      .post('/store/fashion/cms/media')
      .set(bearer(fashion))
      .attach('file', TEST_IMAGES.jpeg, 'form.jpg')
      .expect(303);
    const refused = await request(test.app)
      .post('/store/fashion/cms/media')
      .set(bearer(fashion))
      .attach('file', TEST_IMAGES.html, 'form.png')
      .expect(415);
    expect(refused.text).to.include('data-error');
  });
});
