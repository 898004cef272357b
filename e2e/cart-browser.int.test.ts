import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '@wizamart/host/testing';
import { browserAvailable, launchBrowser, screenshot, startDemoHost } from './support.js';

const PRODUCT = '/storefront/fashion/products/classic-oxford-shirt';

/** Clicks a submit button or link and waits for the page it leads to. */
async function submit(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}

/** Waits until Alpine has started on the page (the variant picker and the form's bindings are live). */
async function alpineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
  await page.locator('[data-sku]').filter({ hasText: /\S/ }).waitFor();
}

(browserAvailable() ? describe : describe.skip)('cart in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let test: TestHost;
  let url: string;
  let browser: Browser;

  before(async () => {
    ({ test, url } = await startDemoHost());
    // Known stock for the demo shirt: size M (selected when the page opens) sold out, L in stock.
    const variants: Array<{ id: string; option_values: Record<string, string> }> = await test
      .db('catalog.variants as v')
      .join('catalog.products as p', 'p.id', 'v.product_id')
      .where('p.slug', 'classic-oxford-shirt')
      .select('v.id', 'v.option_values');
    for (const variant of variants) {
      await test
        .db('inventory.levels')
        .where({ variant_id: variant.id })
        .update({ on_hand: variant.option_values.Size === 'M' ? 0 : 10, reserved: 0 });
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('a shopper opens a product, picks an available size, adds two to the cart and sees them in the cart and the mini-cart', async () => {
    const context = await browser.newContext({ baseURL: url });
    try {
      const page = await context.newPage();
      await page.goto(PRODUCT);
      await alpineReady(page);
      const button = page.locator('[data-add-to-cart-submit]');
      expect(await button.isDisabled(), 'size M is sold out').to.equal(true);
      expect(await button.textContent()).to.match(/Out of stock/);
      await screenshot(page, 'cart-product-sold-out');

      await page.locator('label', { hasText: /^\s*L\s*$/ }).click();
      await page.waitForFunction(
        () => !(document.querySelector('[data-add-to-cart-submit]') as HTMLButtonElement).disabled,
      );
      const sku = (await page.locator('[data-sku]').textContent())!.trim();
      const variantId = await page.locator('[data-add-to-cart] [data-variant-id]').inputValue();
      expect(
        await page.locator('[data-add-to-cart] [data-variant-id]').getAttribute('name'),
        'Alpine names the picked variant field',
      ).to.equal('variantId');
      await page.getByLabel('Quantity').fill('2');
      await screenshot(page, 'cart-product-add');
      await submit(page, button);

      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/cart');
      expect(await page.locator('.wz-alert-success').textContent()).to.include('Added to your cart.');
      const line = page.locator(`[data-variant="${variantId}"]`);
      expect(await line.textContent())
        .to.include(sku)
        .and.include('Classic Oxford Shirt');
      expect(await line.locator('input[name="quantity"]').inputValue()).to.equal('2');
      await screenshot(page, 'cart-page');

      await page.goto('/storefront/fashion');
      expect(await page.locator('[data-mini-cart]').getAttribute('data-mini-cart')).to.equal('2');
      await screenshot(page, 'cart-mini-cart');

      // On a phone the form sits under the picker with a full-width button.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(PRODUCT);
      await alpineReady(page);
      const box = (await page.locator('[data-add-to-cart]').boundingBox())!;
      expect(box.width, 'the form fits the phone screen').to.be.at.most(390);
      await screenshot(page, 'cart-product-mobile');
    } finally {
      await context.close();
    }
  });

  it('without scripts the shopper picks the size from a list and the form still adds it', async () => {
    const context = await browser.newContext({ baseURL: url, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(PRODUCT);
      const sizes = page.locator('[data-add-to-cart] select[name="variantId"]');
      expect(await sizes.locator('option[disabled]').textContent(), 'the sold-out size cannot be chosen').to.match(
        /^M · .*Out of stock/,
      );
      await sizes.selectOption({ label: (await sizes.locator('option', { hasText: /^XL · / }).textContent())! });
      await screenshot(page, 'cart-product-no-script');
      await submit(page, page.locator('[data-add-to-cart-submit]'));
      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/cart');
      expect(await page.locator('[data-line]').count()).to.equal(1);
      expect(await page.locator('[data-line]').textContent()).to.include('Size: XL');
    } finally {
      await context.close();
    }
  });
});
