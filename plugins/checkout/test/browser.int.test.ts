import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootCheckout, CARDS, createVariant, staffToken } from './helpers.js';

const CHROMIUM = process.env.WIZAMART_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../../../test-output/screenshots', import.meta.url));
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, `checkout-${name}.png`), fullPage: true });
}

/** Submits with a click and waits for the page the redirect leads to. */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).click()]);
}

/** Nothing wider than the phone's screen (a page that scrolls sideways is not usable on a phone). */
async function fitsThePhone(page: Page): Promise<void> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(width, `${page.url()} is wider than the phone`).to.be.at.most(PHONE.width);
}

(existsSync(CHROMIUM) ? describe : describe.skip)('checkout on a phone (headless Chromium)', function () {
  this.timeout(180_000);
  let test: TestHost;
  let server: Server;
  let url: string;
  let browser: Browser;
  let tee: string;

  before(async () => {
    test = await bootCheckout();
    tee = await createVariant(test, await staffToken(test, 'fashion'), 'fashion', 'Phone Tee', 2500, 5);
    server = createServer(test.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await test?.stop();
  });

  it('a guest fills every step, sees a field error and a declined card, then places the order and sees it confirmed', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${url}/storefront/fashion/customers/login`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    // The add-to-cart form of the product page, posted by the browser (with its own cookies and form token).
    const fields = JSON.stringify({ _csrf: csrf, variantId: tee, quantity: '2' });
    await page.evaluate(`(() => {
      const form = Object.assign(document.createElement('form'), { method: 'post', action: '/storefront/fashion/cart/add' });
      for (const [name, value] of Object.entries(${fields})) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
      document.body.append(form);
      form.submit();
    })()`);
    await page.waitForURL(/\/cart$/);

    await page.goto(`${url}/storefront/fashion/checkout`);
    expect(page.url()).to.match(/\/checkout\/contact$/);
    await page.fill('#email', 'phone@example.com');
    await shot(page, 'contact');
    await fitsThePhone(page);
    await submit(page, 'form[data-form="contact"] button[type="submit"]');

    expect(page.url()).to.match(/\/checkout\/address$/);
    await page.fill('#shipping_name', 'Phone Shopper');
    await page.fill('#shipping_line1', '3 Rue Phone');
    await page.fill('#shipping_postalCode', 'L-3333');
    await page.fill('#shipping_city', 'Differdange');
    await page.fill('#shipping_country', 'lu');
    await page.fill('#shipping_phone', 'call me');
    expect(
      await page.locator('[data-billing]').isVisible(),
      'the billing fields stay hidden while billing is the shipping address',
    ).to.equal(false);
    await submit(page, 'form[data-form="address"] button[type="submit"]');
    expect(await page.locator('[data-field-error="shipping_phone"]').textContent()).to.include('phone number');
    await shot(page, 'address-error');
    await fitsThePhone(page);
    await page.fill('#shipping_phone', '+352 123 456');
    await submit(page, 'form[data-form="address"] button[type="submit"]');

    expect(page.url()).to.match(/\/checkout\/shipping$/);
    await page.locator('[data-shipping="express"]').click();
    await fitsThePhone(page);
    await submit(page, 'form[data-form="shipping"] button[type="submit"]');
    await page.locator('[data-provider="test"]').click();
    await submit(page, 'form[data-form="payment"] button[type="submit"]');

    expect(page.url()).to.match(/\/checkout\/review$/);
    expect(await page.locator('[data-grand-total]').getAttribute('data-grand-total')).to.equal('5990');
    await page.fill('#input_cardNumber', CARDS.decline);
    await shot(page, 'review');
    await fitsThePhone(page);
    await submit(page, '[data-place]');
    expect(page.url()).to.match(/\/checkout\/review$/);
    expect(await page.locator('[role="status"]').first().textContent()).to.include('declined');

    await page.fill('#input_cardNumber', CARDS.approve);
    await submit(page, '[data-place]');
    expect(page.url()).to.match(/\/checkout\/complete\/[0-9a-f-]{36}$/);
    expect(await page.locator('[data-status]').getAttribute('data-status')).to.equal('paid');
    await shot(page, 'complete');
    await fitsThePhone(page);
  });
});
