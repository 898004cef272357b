import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestHost, type TestHost } from '@wizamart/host/testing';
import { browserAvailable, FIRST_PARTY, launchBrowser, screenshot } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';
const PLUGINS = FIRST_PARTY;

/** Signs in through the login form the host redirected to and waits for the page after it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /sign in/i }).click()]);
}

/** Clicks a submit button or link and waits for the page it leads to. */
async function submit(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}

(browserAvailable() ? describe : describe.skip)('catalog in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let test: TestHost;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    test = await startTestHost({
      plugins: PLUGINS,
      env: { WIZAMART_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42', WIZAMART_JOBS: 'false' },
    });
    await test.host.runSeeds('demo');
    const { url } = await test.host.listen(0, '127.0.0.1');
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: url });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await test?.stop();
  });

  it('a shopper searches, filters by category, opens a product and picks a variant', async () => {
    const page = await context.newPage();
    await page.goto('/storefront/fashion/products');
    await page.getByLabel('Search').fill('creme');
    await submit(page, page.getByRole('button', { name: 'Apply' }));
    const found = await page.locator('[data-products] [data-product]').allTextContents();
    expect(found.length).to.be.greaterThan(0);
    for (const text of found) expect(text).to.match(/Crème/);
    await screenshot(page, 'catalog-search');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Category').selectOption({ label: '— Shirts' });
    await submit(page, page.getByRole('button', { name: 'Apply' }));
    const shirts = await page.locator('[data-products] [data-product] a span').allTextContents();
    expect(shirts.length).to.be.greaterThan(0);
    for (const title of shirts) expect(title).to.match(/Shirt/);
    await screenshot(page, 'catalog-category');
    await submit(page, page.locator('[data-products] [data-product] a').first());
    expect(new URL(page.url()).pathname).to.match(/^\/storefront\/fashion\/products\/[a-z0-9-]+$/);
    await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
    await page.locator('[data-sku]').filter({ hasText: /\S/ }).waitFor();
    const firstSku = await page.locator('[data-sku]').textContent();
    await page.locator('label', { hasText: /^\s*L\s*$/ }).click();
    await page.waitForFunction((sku) => document.querySelector('[data-sku]')?.textContent !== sku, firstSku);
    // Demo SKUs end in the variant's position: the L variant is the one after the values listed before L.
    const sizes = await page
      .locator('fieldset input[type="radio"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(await page.locator('[data-sku]').textContent()).to.equal(
      `${firstSku!.replace(/-\d+$/, '')}-${sizes.indexOf('L') + 1}`,
    );
    expect(await page.locator('[data-stock] span:visible').count()).to.equal(1);
    await screenshot(page, 'catalog-product-variant');
  });

  it('the store owner creates a product with two variants and it appears on the storefront', async () => {
    const page = await context.newPage();
    await page.goto('/store/fashion/catalog/products/new');
    expect(new URL(page.url()).pathname).to.equal('/store/fashion/auth/login');
    await signIn(page, 'owner@fashion.local');
    expect(new URL(page.url()).pathname).to.equal('/store/fashion/catalog/products/new');
    await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
    await page.locator('[data-variant]').first().waitFor();
    await page.getByLabel('Title').fill('Browser Bomber Jacket');
    await page.getByLabel('Description').fill('A **bomber** jacket made in the browser test.');
    await page.getByLabel('Status').selectOption('active');
    await page.locator('[data-action="add-option"]').click();
    await page.locator('[data-option-name]').fill('Size');
    await page.locator('[data-option-values]').fill('S, M');
    await page.locator('[data-option-values]').press('Tab');
    await page.locator('[data-action="generate-variants"]').click();
    expect(await page.locator('[data-variant]').count()).to.equal(2);
    await page.locator('[data-variant-sku]').nth(0).fill('BOMBER-S');
    await page.locator('[data-variant-sku]').nth(1).fill('BOMBER-M');
    for (const n of [0, 1]) {
      await page
        .locator('[data-variant-price]')
        .nth(n)
        .fill(n ? '129.00' : '119.00');
      await page.locator('[data-variant-price]').nth(n).press('Tab');
    }
    await screenshot(page, 'catalog-owner-form');
    await submit(page, page.locator('[data-action="save-product"]'));
    expect(new URL(page.url()).pathname).to.match(/^\/store\/fashion\/catalog\/products\/[0-9a-f-]{36}$/);
    const saved = await test.db('catalog.products').where({ slug: 'browser-bomber-jacket' }).first();
    expect(saved).to.include({ status: 'active', title: 'Browser Bomber Jacket' });
    const variants = await test
      .db('catalog.variants')
      .where({ product_id: saved.id })
      .orderBy('position')
      .select('sku', 'price');
    expect(variants).to.deep.equal([
      { sku: 'BOMBER-S', price: 11900 },
      { sku: 'BOMBER-M', price: 12900 },
    ]);
    const shop = await context.newPage();
    await shop.goto('/storefront/fashion/products?q=bomber');
    await submit(shop, shop.locator('[data-product="browser-bomber-jacket"] a'));
    expect(await shop.locator('h1').first().textContent()).to.include('Browser Bomber Jacket');
    await shop.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
    await shop.locator('label', { hasText: /^\s*M\s*$/ }).click();
    await shop.waitForFunction(() => document.querySelector('[data-sku]')?.textContent === 'BOMBER-M');
    await screenshot(shop, 'catalog-owner-product-on-storefront');
  });
});
