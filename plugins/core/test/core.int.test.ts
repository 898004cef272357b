import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';

const CORE = fileURLToPath(new URL('../../', import.meta.url));
const SHOWCASE = fileURLToPath(new URL('../../test/fixtures/showcase/', import.meta.url));

const ADMIN = JSON.stringify({
  kind: 'admin',
  id: 'a1',
  email: 'ada@example.com',
  name: 'Ada Admin',
  permissions: ['*'],
});
const CLERK = JSON.stringify({
  kind: 'staff',
  id: 's1',
  email: 'sam@example.com',
  name: 'Sam <Clerk>',
  store: 'shop-1',
  role: 'staff',
  permissions: [],
});
const OWNER = JSON.stringify({
  kind: 'staff',
  id: 's2',
  email: 'owner@example.com',
  store: 'shop-1',
  role: 'owner',
  permissions: ['showcase.secret'],
});

/** The `<nav>` with this label, so menu assertions do not match links elsewhere on the page. */
function nav(html: string, label: string): string {
  for (const match of html.matchAll(/<nav[^>]*aria-label="([^"]*)"[^>]*>[\s\S]*?<\/nav>/g))
    if (match[1] === label) return match[0];
  throw new Error(`no nav labelled ${label}`);
}

const setCookies = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

describe('core plugin', () => {
  let test: TestHost;
  before(async () => {
    test = await startTestHost({ plugins: [CORE, SHOWCASE] });
  });
  after(async () => test?.stop());

  const page = (path: string) => request(test.app).get(path).set('accept', 'text/html');

  describe('layouts', () => {
    it('renders the admin layout with the accessible shell, the principal and a sign-out form', async () => {
      const res = await page('/admin/showcase/page')
        .set('x-test-principal', ADMIN)
        .set('x-test-csrf', 'tok-123')
        .expect(200);
      expect(res.text).to.match(/^<!doctype html>\s*<html lang="en"/);
      expect(res.text).to.include('<a href="#main" class="wz-skip-link">Skip to content</a>');
      expect(res.text).to.include('<main id="main"');
      expect(res.text).to.include('aria-label="Main navigation"');
      expect(res.text).to.include('<h1 class="wz-page-title">Showcase admin</h1>');
      expect(res.text).to.include('data-action>New thing</a>');
      expect(res.text).to.include('<p data-content>Admin page content</p>');
      expect(res.text).to.include('Ada Admin');
      expect(res.text).to.match(
        /<form method="post" action="\/admin\/showcase\/sign-out">\s*<input type="hidden" name="_csrf" value="tok-123">/,
      );
      expect(res.text).to.include('href="/static/modules/core/css/wizamart.css"');
      expect(res.text).to.include('<script defer src="/static/modules/core/js/alpine.min.js"></script>');
      expect(res.text).to.include('role="status"');
      expect(res.text).to.include('aria-controls="wz-sidebar-nav"');
    });

    it('builds the admin menu from every plugin, filtered by the principal’s permissions', async () => {
      const admin = nav(
        (await page('/admin/showcase/page').set('x-test-principal', ADMIN).expect(200)).text,
        'Main navigation',
      );
      expect(admin).to.include('href="/admin"').and.to.include('Dashboard');
      expect(admin).to.include('href="/admin/showcase/page" class="wz-nav-link" aria-current="page"');
      expect(admin).to.include('Public item').and.to.include('Child item').and.to.include('Secret reports');
      expect(admin).to.include('href="/admin/core/settings"');
      expect(admin.indexOf('Dashboard')).to.be.below(admin.indexOf('Public item'));
      expect(admin.indexOf('Secret reports')).to.be.below(admin.indexOf('Settings'));
      const limited = JSON.stringify({ kind: 'admin', id: 'a2', email: 'x@example.com', permissions: [] });
      const other = nav(
        (await page('/admin/showcase/page').set('x-test-principal', limited).expect(200)).text,
        'Main navigation',
      );
      expect(other).to.include('Public item').and.not.to.include('Secret reports');
    });

    it('renders the store layout with the store menu, the store name and an escaped principal name', async () => {
      const clerk = await page('/store/shop-1/showcase/page').set('x-test-principal', CLERK).expect(200);
      expect(clerk.text).to.include('<p data-content>Store page content</p>');
      expect(clerk.text).to.include('Sam &lt;Clerk&gt;').and.not.to.include('Sam <Clerk>');
      const menu = nav(clerk.text, 'Main navigation');
      expect(menu).to.include('href="/store/shop-1"').and.to.include('href="/store/shop-1/showcase/page"');
      expect(menu).not.to.include('Secret reports');
      expect(clerk.text).to.match(/<span class="truncate">shop-1<\/span>/);
      const owner = await page('/store/shop-1/showcase/page')
        .set('x-test-principal', OWNER)
        .set('x-test-store-name', 'Corner Shop')
        .expect(200);
      expect(nav(owner.text, 'Main navigation')).to.include('href="/store/shop-1/showcase/secret"');
      expect(owner.text).to.include('Corner Shop');
    });

    it('links "Sign in" to the login page when nobody is signed in', async () => {
      const res = await page('/storefront/shop-1/showcase/page')
        .set('x-test-login', '/storefront/shop-1/customers/login')
        .expect(200);
      expect(res.text).to.include('href="/storefront/shop-1/customers/login"').and.to.include('Sign in');
      expect(res.text).not.to.include('Sign out');
    });

    it('translates the layout from Accept-Language and remembers ?lang= in a cookie', async () => {
      const de = await page('/admin/showcase/page')
        .set('x-test-principal', ADMIN)
        .set('accept-language', 'de-LU, fr;q=0.8')
        .expect(200);
      expect(de.text)
        .to.include('<html lang="de"')
        .and.to.include('Zum Inhalt springen')
        .and.to.include('Öffentlicher Eintrag');
      const fr = await page('/admin/showcase/page?lang=fr').set('x-test-principal', ADMIN).expect(200);
      expect(fr.text).to.include('<html lang="fr"').and.to.include('Aller au contenu');
      expect(setCookies(fr).join()).to.match(/wz_lang=fr; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
      const remembered = await page('/admin/showcase/page')
        .set('cookie', 'wz_lang=fr')
        .set('x-test-principal', ADMIN)
        .expect(200);
      expect(remembered.text).to.include('<html lang="fr"');
    });
  });

  describe('storefront theme', () => {
    it('renders the store theme as CSS variables and drops anything unsafe', async () => {
      const theme = {
        '--wz-primary': '#0f766e',
        '--wz-font': '"Inter", sans-serif',
        '--wz-bg': 'red;}</style><script>alert(1)</script>',
        '--wz-text': 'url(https://tracker.example/x)',
        color: 'red',
      };
      const res = await page('/storefront/shop-1/showcase/page')
        .set('x-test-theme', JSON.stringify(theme))
        .set('x-test-store-name', 'Green & Co')
        .expect(200);
      expect(res.text).to.include('<style>:root{--wz-font:"Inter", sans-serif;--wz-primary:#0f766e}</style>');
      expect(res.text).not.to.include('<script>alert').and.not.to.include('tracker.example');
      expect(res.text).to.include('Green &amp; Co');
      expect(res.text).to.include('aria-label="Store navigation"');
      expect(nav(res.text, 'Store navigation')).to.include('href="/storefront/shop-1"').and.to.include('Catalog');
    });

    it('uses the stylesheet defaults when no theme is set, and only safe logo URLs', async () => {
      const plain = await page('/storefront/shop-1/showcase/page')
        .set('x-test-logo', 'javascript:alert(1)')
        .expect(200);
      expect(plain.text).not.to.include('<style>:root').and.not.to.include('javascript:');
      const logo = await page('/storefront/shop-1/showcase/page')
        .set('x-test-logo', '/static/modules/cms/logo.png')
        .expect(200);
      expect(logo.text).to.include('<img src="/static/modules/cms/logo.png"');
    });
  });

  describe('flash messages', () => {
    it('shows a flash once on the next page, escaped, then clears it', async () => {
      const agent = request.agent(test.app);
      const redirect = await agent.get('/admin/showcase/flash').expect(303);
      expect(redirect.headers.location).to.equal('/admin/showcase/page');
      const cookies = setCookies(redirect).filter((line) => line.startsWith('wz_flash='));
      expect(cookies).to.have.length(1);
      expect(cookies[0]).to.include('HttpOnly').and.to.include('SameSite=Lax');
      const first = await agent.get('/admin/showcase/page').set('accept', 'text/html').expect(200);
      expect(first.text).to.include('wz-alert wz-alert-success').and.to.include('Saved &lt;b&gt;it&lt;/b&gt;');
      expect(first.text).to.include('First notice');
      expect(setCookies(first).join()).to.match(/wz_flash=; Path=\/; Max-Age=0/);
      const second = await agent.get('/admin/showcase/page').set('accept', 'text/html').expect(200);
      expect(second.text).not.to.include('Saved').and.not.to.include('First notice');
    });

    it('ignores a tampered flash cookie', async () => {
      const res = await page('/admin/showcase/page').set('cookie', 'wz_flash=%%%not-base64').expect(200);
      expect(res.text).not.to.include('wz-alert-');
    });

    it('refuses to redirect off-site after a form', async () => {
      const res = await request(test.app).get('/admin/showcase/away').set('accept', 'application/json').expect(400);
      expect(res.body.error.code).to.equal('WZ_CORE_UNSAFE_REDIRECT');
    });
  });

  describe('helpers', () => {
    it('renders Lucide icons as inline SVG with escaped attributes, and nothing for unknown names', async () => {
      const res = await page('/admin/showcase/helpers').expect(200);
      const icon = /<p id="icon">([\s\S]*?)<\/p>/.exec(res.text)![1];
      expect(icon).to.match(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*class="lucide lucide-store w-4 h-4 &#34;&#62;&#60;script&#62;" aria-hidden="true"/,
      );
      expect(icon)
        .to.include('<path d="M15 21v-5')
        .and.to.match(/<\/svg>$/);
      expect(res.text).to.include('<p id="unknown">[][][]</p>');
      expect(res.text).to.match(/<p id="labelled"><svg[^>]*role="img" aria-label="Shop &#38; more"/);
    });

    it('formats money and dates in the page language, and translates with fallbacks', async () => {
      const en = await page('/admin/showcase/helpers').expect(200);
      expect(en.text).to.include('<p id="money">€1,234.56|¥500||100 NOPE</p>');
      expect(en.text).to.include('<p id="date">March 5, 2026|</p>');
      expect(en.text).to.include('<p id="t">Sign out|Public item|showcase.missing|Welcome to &lt;Ada&#x27;s&gt;</p>');
      expect(en.text).to.include('<p id="greeting">Hello Ada</p>');
      expect(en.text).to.include('<p id="logic">eqornot|a1b</p>');
      const de = await page('/admin/showcase/helpers?lang=de').expect(200);
      // Intl separates amount and symbol with a no-break space.
      expect(de.text).to.include('<p id="money">1.234,56\u00a0€|500\u00a0¥');
      expect(de.text).to.include('<p id="date">5. März 2026|</p>');
      expect(de.text).to.include('<p id="greeting">Hallo Ada</p>');
      // lb has no showcase file: English is the fallback.
      expect((await page('/admin/showcase/helpers?lang=lb').expect(200)).text).to.include('Ofmellen|Public item|');
    });
  });

  describe('static assets', () => {
    it('serves the compiled design system with its component classes and theme variables', async () => {
      const res = await request(test.app).get('/static/modules/core/css/wizamart.css').expect(200);
      expect(res.headers['content-type']).to.match(/text\/css/);
      for (const name of [
        '.wz-btn',
        '.wz-btn-primary',
        '.wz-card',
        '.wz-input',
        '.wz-label',
        '.wz-table',
        '.wz-badge',
        '.wz-alert-error',
        '.wz-skip-link',
      ]) {
        expect(res.text, name).to.include(`${name}{`);
      }
      expect(res.text).to.include('--wz-primary:#4338ca').and.to.include('var(--wz-primary)');
      expect(res.text).not.to.match(/\n\s+\n/);
    });

    it('serves Alpine.js locally', async () => {
      const res = await request(test.app).get('/static/modules/core/js/alpine.min.js').expect(200);
      expect(res.headers['content-type']).to.match(/javascript/);
      expect(res.text).to.include('Alpine');
    });
  });

  describe('dashboards', () => {
    it('answers 401 JSON to API-style requests without a principal', async () => {
      for (const path of [
        '/admin',
        '/store/shop-1',
        '/admin/core/settings',
        '/admin/core/profile',
        '/store/shop-1/core/profile',
      ]) {
        const res = await request(test.app).get(path).set('accept', 'application/json').expect(401);
        expect(res.body.error.code, path).to.equal('WZ_AUTH_UNAUTHENTICATED');
      }
    });

    it('redirects pages to the login page when the auth stage names one, and otherwise explains in the layout', async () => {
      const redirect = await page('/admin').set('x-test-login', '/admin/tenancy/login').expect(303);
      expect(redirect.headers.location).to.equal('/admin/tenancy/login?next=%2Fadmin');
      const shown = await page('/store/shop-1').expect(401);
      expect(shown.text)
        .to.include('data-surface="store"')
        .and.to.include('data-error="WZ_AUTH_UNAUTHENTICATED"')
        .and.to.include('Error 401');
    });

    it('renders page errors inside the surface layout', async () => {
      const res = await page('/store/shop-1/showcase/secret').set('x-test-principal', CLERK).expect(403);
      expect(res.text)
        .to.include('data-error="WZ_AUTH_FORBIDDEN"')
        .and.to.include('aria-label="Main navigation"')
        .and.to.include('Sam &lt;Clerk&gt;');
      const missing = await page('/storefront/shop-1/showcase/nothing-here').expect(404);
      expect(missing.text).to.include('data-surface="storefront"').and.to.include('WZ_NOT_FOUND');
    });

    it('shows platforms and plugin states on the admin dashboard', async () => {
      const res = await page('/admin').set('x-test-principal', ADMIN).expect(200);
      expect(res.text).to.include('<h1 class="wz-page-title">Dashboard</h1>');
      expect(res.text)
        .to.match(/data-stat="platforms">1</)
        .and.to.match(/data-stat="loaded">2</);
      expect(res.text).to.include('data-plugin="core"').and.to.include('data-plugin="showcase"');
      expect(nav(res.text, 'Main navigation')).to.include('href="/admin" class="wz-nav-link" aria-current="page"');
    });

    it('shows the store dashboard with the store menu as shortcuts', async () => {
      const res = await page('/store/shop-1').set('x-test-principal', CLERK).expect(200);
      expect(res.text).to.include('Welcome, Sam &lt;Clerk&gt;').and.to.include('data-shortcut="showcase.public"');
      expect(res.text)
        .not.to.include('data-shortcut="core.home"')
        .and.not.to.include('data-shortcut="showcase.secret"');
    });

    it('welcomes shoppers on the public storefront home with the store name, falling back to the code', async () => {
      expect((await page('/storefront/shop-1').expect(200)).text).to.include('Welcome to shop-1');
      expect((await page('/storefront/shop-1').set('x-test-store-name', 'Corner Shop').expect(200)).text).to.include(
        'Welcome to Corner Shop',
      );
    });

    it('sends <base>/core to the surface home', async () => {
      expect((await page('/admin/core').expect(302)).headers.location).to.equal('/admin');
    });
  });

  describe('profile and settings', () => {
    it('shows the signed-in principal’s profile', async () => {
      const res = await page('/store/shop-1/core/profile').set('x-test-principal', OWNER).expect(200);
      expect(res.text)
        .to.include('data-surface="store"')
        .and.to.include('data-profile="email">owner@example.com')
        .and.to.include('showcase.secret');
    });

    it('shows versions and installed plugins read-only on the settings page', async () => {
      const res = await page('/admin/core/settings').set('x-test-principal', ADMIN).expect(200);
      expect(res.text)
        .to.match(/data-version="host">0\.1\.0</)
        .and.to.match(/data-version="core">0\.1\.0</);
      expect(res.text)
        .to.include('data-plugin="showcase"')
        .and.to.include('<code class="wz-badge">showcase.secret</code>');
      expect(res.text, 'read-only: no form but sign-out').not.to.match(/<form(?![^>]*sign-out)/);
    });
  });
});
