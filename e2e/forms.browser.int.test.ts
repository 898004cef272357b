import path from 'node:path';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestHost, type TestHost } from '@wizamart/host/testing';
import { browserAvailable, FIRST_PARTY, launchBrowser, OUTPUT, screenshot } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';

/** Signs in through the login form the host redirected to and waits for the page after it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /sign in/i }).click()]);
}

/** Submits `form` past the browser's own checks (so the server's answer shows) and returns the page's status. */
async function submitUnchecked(page: Page, form: string, button: string): Promise<number> {
  await page.locator(form).evaluate((element) => ((element as HTMLFormElement).noValidate = true));
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(button).click()]);
  return response?.status() ?? 0;
}

/** Chromium's console warnings about pattern attributes it cannot compile. */
function patternWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (/pattern/i.test(message.text())) warnings.push(message.text());
  });
  return warnings;
}

(browserAvailable() ? describe : describe.skip)('form errors in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let test: TestHost;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    const env = { WIZAMART_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42', WIZAMART_JOBS: 'false' };
    test = await startTestHost({ plugins: FIRST_PARTY, env });
    await test.host.runSeeds('demo');
    const { url } = await test.host.listen(0, '127.0.0.1');
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await page.goto('/store/fashion/catalog/products/new');
    await signIn(page, 'owner@fashion.local');
    await page.close();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await test?.stop();
  });

  it('a product with a negative price and no title shows both messages beside their fields, in German', async () => {
    const page = await context.newPage();
    await page.goto('/store/fashion/catalog/products/new?lang=de');
    await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
    await page.locator('[data-variant]').first().waitFor();
    await page.locator('#product-description').fill('Bleibt stehen, wenn das Speichern scheitert.');
    await page.locator('[data-variant-sku]').first().fill('FORM-NEG-1');
    await page.locator('[data-variant-price]').first().fill('-5');
    await page.locator('[data-variant-price]').first().press('Tab');
    const status = await submitUnchecked(page, 'form[data-form="product"]', '[data-action="save-product"]');
    expect(status).to.equal(400);
    await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
    await page.locator('[data-field-error="variant-price-0"]').waitFor();
    expect(await page.locator('[data-field-error="product-title"]').textContent()).to.equal(
      'Bitte füllen Sie dieses Feld aus',
    );
    expect(await page.locator('[data-field-error="variant-price-0"]').textContent()).to.equal('Muss mindestens 0 sein');
    expect(await page.locator('#product-title').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('#product-title').getAttribute('aria-describedby')).to.equal('product-title-error');
    expect(await page.locator('#variant-price-0').getAttribute('aria-invalid')).to.equal('true');
    // What was typed is still there.
    expect(await page.locator('#product-description').inputValue()).to.equal(
      'Bleibt stehen, wenn das Speichern scheitert.',
    );
    expect(await page.locator('[data-variant-sku]').first().inputValue()).to.equal('FORM-NEG-1');
    expect(await page.locator('[data-variant-price]').first().inputValue()).to.equal('-5.00');
    const text = await page.locator('main').innerText();
    expect(text).to.include('Einige Felder müssen korrigiert werden');
    expect(text).not.to.match(/WZ_VALIDATION|must be|\/variants|\\S/);
    await screenshot(page, 'forms-product-de');
  });

  it('a bad stock entry shows a message on the stock page, not an error page', async () => {
    const page = await context.newPage();
    const warnings = patternWarnings(page);
    await page.goto('/store/fashion/inventory?lang=en');
    const row = page.locator('tr[data-sku]').first();
    const sku = await row.getAttribute('data-sku');
    await row.locator('input[name="quantity"]').fill('abc');
    const status = await submitUnchecked(
      page,
      `tr[data-sku="${sku}"] form`,
      `tr[data-sku="${sku}"] form button[type="submit"]`,
    );
    expect(status).to.equal(400);
    const again = page.locator(`tr[data-sku="${sku}"]`);
    expect(await page.locator('h1').first().textContent()).to.include('Stock');
    expect(await again.locator('.wz-field-error').textContent()).to.equal('Enter a whole number');
    expect(await again.locator('input[name="quantity"]').inputValue()).to.equal('abc');
    expect(await again.locator('input[name="quantity"]').getAttribute('aria-invalid')).to.equal('true');
    const text = await page.locator('body').innerText();
    expect(text).not.to.match(/Error 400|WZ_VALIDATION/);
    expect(warnings, warnings.join('\n')).to.deep.equal([]);
    await screenshot(page, 'forms-stock');
    await page.setViewportSize({ width: 1280, height: 720 });
    await again.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, 'forms-stock-row.png') });
  });
});
