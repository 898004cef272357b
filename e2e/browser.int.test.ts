import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '@wizamart/host/testing';
import { browserAvailable, launchBrowser, screenshot, startDemoHost } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';

/** Signs in through a login form (the page the host redirected to) and waits for the page after it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /sign in/i }).click()]);
}

// Debian's Chromium is installed by .ci/run; without it (a bare developer machine) these tests cannot run.
(browserAvailable() ? describe : describe.skip)('in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let test: TestHost;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    ({ test, url } = await startDemoHost());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await test?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: url });
  });
  afterEach(async () => context?.close());

  it('a platform admin signs in and creates a store', async () => {
    const page = await context.newPage();
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).to.equal('/admin/auth/login');
    await signIn(page, 'admin@wizamart.local');
    expect(new URL(page.url()).pathname).to.equal('/admin');
    await screenshot(page, 'admin-dashboard');
    await page.goto('/admin/tenancy/stores/new');
    await page.getByLabel('Code').fill('garden');
    await page.getByLabel(/^Name/).first().fill('Garden Goods');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /create/i }).click()]);
    await screenshot(page, 'admin-store-created');
    expect(await page.content()).to.include('Garden Goods');
    const row = await test.db('tenancy.stores').where({ code: 'garden' }).first();
    expect(row).to.include({ name: 'Garden Goods', status: 'active' });
  });

  it('a store owner changes the theme colour and the storefront shows it', async () => {
    const page = await context.newPage();
    await page.goto('/store/fashion/cms/theme');
    expect(new URL(page.url()).pathname).to.equal('/store/fashion/auth/login');
    await signIn(page, 'owner@fashion.local');
    expect(new URL(page.url()).pathname).to.equal('/store/fashion/cms/theme');
    await page.locator('#theme-primaryColor').fill('#0f766e');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /save/i }).click()]);
    await screenshot(page, 'store-theme-saved');
    const shop = await context.newPage();
    await shop.goto('/storefront/fashion');
    const primary = await shop.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--wz-primary').trim(),
    );
    expect(primary.toLowerCase()).to.equal('#0f766e');
    await screenshot(shop, 'storefront-themed');
  });

  it('a shopper registers and sees the account page', async () => {
    const page = await context.newPage();
    await page.goto('/storefront/fashion/customers/register');
    await page.getByLabel(/name/i).first().fill('Robin Buyer');
    await page.getByLabel(/e-?mail/i).fill('robin@example.com');
    await page.getByLabel(/password/i).fill('a-good-long-password');
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: /create|register|sign up/i }).click(),
    ]);
    expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/customers/account');
    expect(await page.locator('#profile-name').inputValue()).to.equal('Robin Buyer');
    await screenshot(page, 'shopper-account');
    const customer = await test.db('customers.customers').where({ email: 'robin@example.com' }).first();
    expect(customer).to.include({ name: 'Robin Buyer' });
  });
});
