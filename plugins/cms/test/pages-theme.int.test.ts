import { expect } from 'chai';
import request from 'supertest';
import { bearer, bootCms, staffToken, type CmsTestHost } from './helpers.js';

const THEME = {
  primaryColor: '#123abc',
  accentColor: '#f59e0b',
  backgroundColor: '#fafafa',
  textColor: '#111111',
  font: 'mono',
};
const XSS = [
  'Safe **text**',
  '<script>alert("xss-script")</script>',
  '<img src="/x.png" onerror="alert(\'xss-onerror\')">',
  '[click me](javascript:alert("xss-link"))',
  '<a href="javascript:alert(\'xss-a\')">a</a>',
  '<iframe src="https://evil.example/xss-frame"></iframe>',
  '<p onmouseover="alert(\'xss-hover\')" style="position:fixed">hover</p>',
].join('\n\n');

describe('cms: content pages and store themes', () => {
  let test: CmsTestHost;
  let fashion: string;
  let techhub: string;
  before(async () => {
    test = await bootCms();
    fashion = await staffToken(test, 'owner@fashion.local', 'fashion');
    techhub = await staffToken(test, 'owner@techhub.local', 'techhub');
  });
  after(async () => test?.stop());

  describe('demo seed', () => {
    it('gives fashion and techhub their own theme colour on their storefront pages', async () => {
      const rose = await request(test.app).get('/storefront/fashion/cms/about').expect(200);
      expect(rose.text)
        .to.match(/--wz-primary:#e11d48/)
        .and.not.to.match(/#2563eb/);
      expect(rose.text).to.include('timeless clothing');
      const blue = await request(test.app).get('/storefront/techhub/cms/about').expect(200);
      expect(blue.text)
        .to.match(/--wz-primary:#2563eb/)
        .and.not.to.match(/#e11d48/);
    });

    it('is idempotent', async () => {
      await (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');
      const pages = await request(test.app).get('/api/v1/store/fashion/cms/pages').set(bearer(fashion)).expect(200);
      expect(pages.body.items.map((page: { slug: string }) => page.slug).sort()).to.deep.equal([
        'about',
        'home',
        'shipping',
      ]);
    });
  });

  describe('pages', () => {
    it('strips scripts, event handlers and javascript: URLs from Markdown on the storefront', async () => {
      await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: 'xss', title: 'XSS test', body: XSS, published: true })
        .expect(201);
      const page = await request(test.app).get('/storefront/fashion/cms/xss').expect(200);
      const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(page.text)?.[1] ?? '';
      expect(article).to.include('<strong>text</strong>');
      expect(article).not.to.match(/xss-|<script|onerror|onmouseover|javascript:|<iframe|style=/i);
      const api = await request(test.app).get('/api/v1/storefront/fashion/cms/pages/xss').expect(200);
      expect(api.body).to.include({ slug: 'xss', title: 'XSS test' });
      expect(api.body.html)
        .to.include('<strong>text</strong>')
        .and.not.to.match(/xss-|<script|onerror|javascript:/i);
    });

    it('shows published pages only, and only in their own store', async () => {
      await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: 'draft', title: 'Secret draft', body: 'not yet' })
        .expect(201);
      await request(test.app).get('/storefront/fashion/cms/draft').expect(404);
      await request(test.app).get('/api/v1/storefront/fashion/cms/pages/draft').expect(404);
      await request(test.app).get('/storefront/techhub/cms/xss').expect(404);
      await request(test.app).get('/storefront/fashion/cms/No_Such..Page').expect(404);
      await request(test.app).get('/storefront/fashion/cms/media/not-a-uuid').expect(404);
      const list = await request(test.app).get('/api/v1/storefront/fashion/cms/pages').expect(200);
      expect(list.body.items.map((page: { slug: string }) => page.slug))
        .to.include('xss')
        .and.not.to.include('draft');
    });

    it('keeps slugs unique per store, not across stores', async () => {
      const taken = await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: 'about', title: 'Again' })
        .expect(409);
      expect(taken.body.error.code).to.equal('WZ_CMS_SLUG_TAKEN');
      await request(test.app)
        .post('/api/v1/store/techhub/cms/pages')
        .set(bearer(techhub))
        .send({ slug: 'xss', title: 'Same slug, other store' })
        .expect(201);
      const bad = await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: '../Etc', title: 'x', extra: 1 })
        .expect(400);
      expect(bad.body.error.code).to.equal('WZ_VALIDATION');
      await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: 'media', title: 'reserved' })
        .expect(400);
    });

    it('edits and deletes a page', async () => {
      const created = await request(test.app)
        .post('/api/v1/store/fashion/cms/pages')
        .set(bearer(fashion))
        .send({ slug: 'faq', title: 'FAQ', body: 'Q?', published: true })
        .expect(201);
      const edited = await request(test.app)
        .patch(`/api/v1/store/fashion/cms/pages/${created.body.id}`)
        .set(bearer(fashion))
        .send({ title: 'Questions' })
        .expect(200);
      expect(edited.body).to.include({ slug: 'faq', title: 'Questions', published: true });
      await request(test.app)
        .delete(`/api/v1/store/fashion/cms/pages/${created.body.id}`)
        .set(bearer(fashion))
        .expect(204);
      await request(test.app).get('/storefront/fashion/cms/faq').expect(404);
    });

    it('never shows or changes another store’s pages', async () => {
      const own = await request(test.app).get('/api/v1/store/fashion/cms/pages').set(bearer(fashion)).expect(200);
      const about = own.body.items.find((page: { slug: string }) => page.slug === 'about');
      // A techhub token is no token on fashion's dashboard …
      await request(test.app).get('/api/v1/store/fashion/cms/pages').set(bearer(techhub)).expect(401);
      // … and fashion's page id means nothing in techhub.
      await request(test.app).get(`/api/v1/store/techhub/cms/pages/${about.id}`).set(bearer(techhub)).expect(404);
      await request(test.app)
        .patch(`/api/v1/store/techhub/cms/pages/${about.id}`)
        .set(bearer(techhub))
        .send({ title: 'hacked' })
        .expect(404);
      await request(test.app).delete(`/api/v1/store/techhub/cms/pages/${about.id}`).set(bearer(techhub)).expect(404);
      const still = await request(test.app)
        .get(`/api/v1/store/fashion/cms/pages/${about.id}`)
        .set(bearer(fashion))
        .expect(200);
      expect(still.body.title).to.equal('About us');
    });

    it('needs a signed-in staff member for the dashboard API', async () => {
      await request(test.app).get('/api/v1/store/fashion/cms/pages').expect(401);
      await request(test.app).post('/api/v1/store/fashion/cms/pages').send({ slug: 'anon', title: 'x' }).expect(401);
    });

    it('renders the dashboard pages list and editor', async () => {
      const list = await request(test.app).get('/store/fashion/cms/pages').set(bearer(fashion)).expect(200);
      expect(list.text).to.include('About us').and.to.include('data-page="shipping"');
      const id = /href="\/store\/fashion\/cms\/pages\/([0-9a-f-]{36})"/.exec(list.text)?.[1];
      const editor = await request(test.app).get(`/store/fashion/cms/pages/${id}`).set(bearer(fashion)).expect(200);
      expect(editor.text).to.include('name="slug"');
    });
  });

  describe('theme', () => {
    it('applies a changed theme to the storefront at once', async () => {
      const saved = await request(test.app)
        .put('/api/v1/store/fashion/cms/theme')
        .set(bearer(fashion))
        .send(THEME)
        .expect(200);
      expect(saved.body).to.include({ ...THEME, custom: true, logoMediaId: null });
      const page = await request(test.app).get('/storefront/fashion/cms/shipping').expect(200);
      expect(page.text)
        .to.match(/--wz-primary:#123abc/)
        .and.to.match(/--wz-bg:#fafafa/)
        .and.to.match(/--wz-font:ui-monospace/);
      const other = await request(test.app).get('/storefront/techhub/cms/shipping').expect(200);
      expect(other.text).not.to.match(/#123abc/);
    });

    it('refuses colours that are not #rrggbb and fonts off the list', async () => {
      for (const bad of [
        { primaryColor: 'red' },
        { primaryColor: '#fff' },
        { accentColor: '#123456;}body{' },
        { textColor: '#12345g' },
        { font: 'Comic Sans' },
        { backgroundColor: 'url(x)' },
      ]) {
        const res = await request(test.app)
          .put('/api/v1/store/fashion/cms/theme')
          .set(bearer(fashion))
          .send({ ...THEME, ...bad })
          .expect(400);
        expect(res.body.error.code, JSON.stringify(bad)).to.equal('WZ_VALIDATION');
      }
      const page = await request(test.app).get('/storefront/fashion/cms/shipping').expect(200);
      expect(page.text).to.match(/--wz-primary:#123abc/);
    });

    it('is read and written only by the store’s own staff', async () => {
      await request(test.app).put('/api/v1/store/fashion/cms/theme').set(bearer(techhub)).send(THEME).expect(401);
      const res = await request(test.app).get('/api/v1/store/techhub/cms/theme').set(bearer(techhub)).expect(200);
      expect(res.body.primaryColor).to.equal('#2563eb');
    });

    it('saves the theme form of the dashboard', async () => {
      const form = await request(test.app).get('/store/techhub/cms/theme').set(bearer(techhub)).expect(200);
      expect(form.text).to.include('value="#2563eb"');
      await request(test.app)
        .post('/store/techhub/cms/theme')
        .set(bearer(techhub))
        .type('form')
        .send({
          primaryColor: '#0F766E',
          accentColor: '#0ea5e9',
          backgroundColor: '#f8fafc',
          textColor: '#0f172a',
          font: 'serif',
          logoMediaId: '',
        })
        .expect(303);
      expect((await request(test.app).get('/storefront/techhub/cms/about').expect(200)).text).to.match(
        /--wz-primary:#0f766e/,
      );
      const bad = await request(test.app)
        .post('/store/techhub/cms/theme')
        .set(bearer(techhub))
        .type('form')
        .send({
          primaryColor: 'blue',
          accentColor: '#0ea5e9',
          backgroundColor: '#f8fafc',
          textColor: '#0f172a',
          font: 'serif',
        })
        .expect(400);
      expect(bad.text).to.include('primaryColor');
    });
  });
});
