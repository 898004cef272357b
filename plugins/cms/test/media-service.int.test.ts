import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestContext, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import request from 'supertest';
import type { CmsMedia } from '../src/index.js';
import { bearer, bootCms, staffToken, type CmsTestHost } from './helpers.js';
import { TEST_IMAGES } from './images.js';

const PROBE = fileURLToPath(new URL('../../test/fixtures/media-probe', import.meta.url));

describe('cms: the media service other plugins use (CmsServices.media)', () => {
  let test: CmsTestHost;
  let mediaDir: string;
  let media: CmsMedia;
  let fashion: RequestContext;
  let techhub: RequestContext;
  const files = () =>
    readdirSync(mediaDir, { recursive: true })
      .map(String)
      .filter((file) => /\.(png|jpg|gif|webp)$/.test(file));

  before(async () => {
    test = await bootCms([PROBE]);
    mediaDir = test.mediaDir;
    const { probe } = (await import(pathToFileURL(path.join(PROBE, 'plugin.js')).href)) as {
      probe: { media: CmsMedia; stores: StoreDirectory };
    };
    media = probe.media;
    const ref = async (code: string) => {
      const store = (await probe.stores.byCode(code))!;
      return createRequestContext({ surface: 'store', store: { ...store, base: `/storefront/${code}` } });
    };
    fashion = await ref('fashion');
    techhub = await ref('techhub');
  });
  after(async () => test?.stop());

  it('uploads through the same checks as the dashboard and serves the file at the returned URL', async () => {
    const uploaded = await media.upload(fashion, {
      originalName: 'dress.png',
      bytes: TEST_IMAGES.png,
      alt: 'A linen dress',
    });
    expect(uploaded.url).to.equal(`/storefront/fashion/cms/media/${uploaded.id}`);
    const served = await request(test.app).get(uploaded.url).expect(200);
    expect(served.headers['content-type']).to.equal('image/png');
    const [item] = await media.byIds(fashion, [uploaded.id]);
    expect(item).to.deep.include({
      id: uploaded.id,
      url: uploaded.url,
      contentType: 'image/png',
      originalName: 'dress.png',
      width: 1,
      height: 1,
      alt: 'A linen dress',
    });
  });

  it("returns only the store's own items, in the order asked; foreign, unknown and malformed ids are absent", async () => {
    const a = await media.upload(fashion, { originalName: 'a.gif', bytes: TEST_IMAGES.gif });
    const b = await media.upload(fashion, { originalName: 'b.jpg', bytes: TEST_IMAGES.jpeg });
    const foreign = await media.upload(techhub, { originalName: 'laptop.webp', bytes: TEST_IMAGES.webp });
    const found = await media.byIds(fashion, [
      b.id,
      foreign.id,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      a.id.toUpperCase(),
      b.id,
    ]);
    expect(found.map((item) => item.id)).to.deep.equal([b.id, a.id]);
    expect(found[1]).to.include({ contentType: 'image/gif', width: 1, height: 1 });
    expect(found[1]).not.to.have.property('alt');
    expect(await media.byIds(techhub, [a.id, b.id])).to.deep.equal([]);
    expect((await media.byIds(techhub, [foreign.id])).map((item) => item.id)).to.deep.equal([foreign.id]);
    expect(await media.byIds(fashion, [])).to.deep.equal([]);
  });

  it('builds links on the base it is given (a store on its own host)', async () => {
    const uploaded = await media.upload(fashion, { originalName: 'c.png', bytes: TEST_IMAGES.png });
    const [onHost] = await media.byIds(fashion, [uploaded.id], '');
    expect(onHost.url).to.equal(`/cms/media/${uploaded.id}`);
  });

  it('refuses a disguised HTML file (415) and a file over the limit (413), storing nothing', async () => {
    const before = files().length;
    const rowsOf = () =>
      test
        .db('cms.media')
        .where({ store_id: requireStore(fashion).id })
        .count({ n: '*' });
    const count = async () => Number((await rowsOf())[0].n);
    const rows = await count();
    const html = await media.upload(fashion, { originalName: 'x.png', bytes: TEST_IMAGES.html }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(html).to.include({ code: 'WZ_CMS_MEDIA_TYPE_REFUSED', status: 415 });
    const big = Buffer.concat([TEST_IMAGES.png, Buffer.alloc(5 * 1024 * 1024)]);
    const large = await media.upload(fashion, { originalName: 'big.png', bytes: big }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(large).to.include({ code: 'WZ_CMS_MEDIA_TOO_LARGE', status: 413 });
    expect(files().length).to.equal(before);
    expect(await count()).to.equal(rows);
  });

  it('records the pixel size of images uploaded over HTTP too (one upload path)', async () => {
    const token = await staffToken(test, 'owner@fashion.local', 'fashion');
    const res = await request(test.app)
      .post('/api/v1/store/fashion/cms/media')
      .set(bearer(token))
      .attach('file', TEST_IMAGES.jpeg, { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [item] = await media.byIds(fashion, [res.body.id]);
    expect(item).to.include({ contentType: 'image/jpeg', width: 1, height: 1 });
  });
});
