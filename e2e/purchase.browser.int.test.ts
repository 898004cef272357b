import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '@wizamart/host/testing';
import { browserAvailable, launchBrowser, screenshot, startDemoHost } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';
const PHONE = { width: 390, height: 844 };
const STOCK = 10;
/** The `test` provider's approving card (plugins/payments/README.md). */
const APPROVED_CARD = '4242 4242 4242 4242';
/** Fashion Corner's demo shipping rates (its prices include the 17 % tax, so totals add no tax on top). */
const SHIPPING = { standard: 490, express: 990 };
const SHOPPER = 'shopper@fashion.local';

/** Clicks a submit button or link and waits for the page it leads to. */
async function submit(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}

/** Signs in through the login form on the page and waits for the page after it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await submit(page, page.getByRole('button', { name: /sign in/i }));
}

/** Follows a storefront menu item; on a phone the menu is folded behind its button first. */
async function menu(page: Page, item: string): Promise<void> {
  const link = page.locator(`[data-menu="${item}"]`);
  if (!(await link.isVisible())) await page.locator('[aria-controls="wz-store-nav"]').click();
  await submit(page, link);
}

/** Searches the product listing and opens the product `slug` from the results. */
async function findProduct(page: Page, query: string, slug: string): Promise<void> {
  await menu(page, 'catalog.products');
  await page.getByLabel('Search').fill(query);
  await submit(page, page.getByRole('button', { name: 'Apply' }));
  await submit(page, page.locator(`[data-products] [data-product="${slug}"] a`));
  await page.waitForFunction(() => Boolean((window as unknown as { Alpine?: unknown }).Alpine));
  await page.locator('[data-sku]').filter({ hasText: /\S/ }).waitFor();
}

/**
 * Picks option values with the product page's picker, checks it landed on `variantId`, and adds `quantity` to the cart.
 */
async function addToCart(page: Page, values: string[], variantId: string, quantity: number): Promise<void> {
  for (const value of values)
    await page.locator('article label', { hasText: new RegExp(`^\\s*${value}\\s*$`) }).click();
  await page.waitForFunction(
    (id) => (document.querySelector('[data-add-to-cart] [data-variant-id]') as HTMLInputElement).value === id,
    variantId,
  );
  await page.getByLabel('Quantity').fill(String(quantity));
  await submit(page, page.locator('[data-add-to-cart-submit]'));
  expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/cart');
  expect(await page.locator('.wz-alert-success').textContent()).to.include('Added to your cart.');
}

/** Fills the shipping address form of the checkout (billing stays "same as shipping"). */
async function fillAddress(
  page: Page,
  address: { name: string; line1: string; postalCode: string; city: string; country: string },
): Promise<void> {
  const shipping = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Shipping address' }) });
  await shipping.getByLabel('Full name').fill(address.name);
  await shipping.getByLabel('Street and number').fill(address.line1);
  await shipping.getByLabel('Postal code').fill(address.postalCode);
  await shipping.getByLabel('City').fill(address.city);
  await shipping.getByLabel('Country').fill(address.country);
  expect(await page.getByLabel('Billing address is the same as the shipping address').isChecked()).to.equal(true);
}

/** Continues from a checkout step and checks where it led. */
async function next(page: Page, form: string, step: string): Promise<void> {
  await submit(page, page.locator(`form[data-form="${form}"] button[type="submit"]`));
  expect(new URL(page.url()).pathname).to.equal(`/storefront/fashion/checkout/${step}`);
}

/** Nothing is wider than the phone's screen (a page that scrolls sideways is not usable on a phone). */
async function fitsThePhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is wider than the phone`).to.be.at.most(PHONE.width);
}

(browserAvailable() ? describe : describe.skip)(
  'buying in a real browser: guest, merged cart, fulfilment (headless Chromium)',
  function () {
    this.timeout(180_000);
    let test: TestHost;
    let url: string;
    let browser: Browser;
    let guest: BrowserContext;
    let phone: BrowserContext;
    let shopperPage: Page;
    let storeId: string;
    const variants: Record<string, string> = {};
    const prices: Record<string, number> = {};
    const placed: Record<'guest' | 'shopper', { id: string; number: string }> = {
      guest: { id: '', number: '' },
      shopper: { id: '', number: '' },
    };

    const variantOf = async (slug: string, options: Record<string, string>): Promise<{ id: string; price: number }> => {
      const rows: Array<{ id: string; price: number; option_values: Record<string, string> }> = await test
        .db('catalog.variants as v')
        .join('catalog.products as p', 'p.id', 'v.product_id')
        .where({ 'p.slug': slug, 'p.store_id': storeId })
        .select('v.id', 'v.price', 'v.option_values');
      const found = rows.find(
        (row) =>
          Object.entries(options).every(([name, value]) => row.option_values[name] === value) &&
          Object.keys(row.option_values).length === Object.keys(options).length,
      );
      if (!found) throw new Error(`no variant ${JSON.stringify(options)} of ${slug}`);
      return { id: found.id, price: Number(found.price) };
    };
    const stockOf = async (variantId: string) => {
      const row = await test
        .db('inventory.levels')
        .where({ variant_id: variantId })
        .sum({ onHand: 'on_hand', reserved: 'reserved' })
        .first();
      return { onHand: Number(row?.onHand), reserved: Number(row?.reserved) };
    };
    before(async () => {
      ({ test, url } = await startDemoHost());
      storeId = (await test.db('tenancy.stores').where({ code: 'fashion' }).first('id')).id;
      const wanted: Record<string, [string, Record<string, string>]> = {
        shirt: ['classic-oxford-shirt', { Size: 'L' }],
        blouse: ['organic-blouse', { Size: 'L', Colour: 'Navy' }],
        scarf: ['wool-scarf', {}],
        dress: ['linen-summer-dress', { Size: 'M' }],
      };
      for (const [key, [slug, options]] of Object.entries(wanted)) {
        const variant = await variantOf(slug, options);
        variants[key] = variant.id;
        prices[key] = variant.price;
        // Known stock for what the shoppers buy (set up directly; the demo seed's quantities vary by position).
        await test.db('inventory.levels').where({ variant_id: variant.id }).update({ on_hand: STOCK, reserved: 0 });
      }
      browser = await launchBrowser();
      guest = await browser.newContext({ baseURL: url });
      phone = await browser.newContext({ baseURL: url, viewport: PHONE, isMobile: true, hasTouch: true });
    });
    after(async () => {
      await guest?.close();
      await phone?.close();
      await browser?.close();
      await test?.stop();
    });

    it('a guest finds two products, picks their variants, checks out with the test card and tracks the paid order', async () => {
      const page = await guest.newPage();
      await page.goto('/storefront/fashion');
      await findProduct(page, 'oxford', 'classic-oxford-shirt');
      await screenshot(page, 'purchase-product');
      await addToCart(page, ['L'], variants.shirt, 2);
      await findProduct(page, 'blouse', 'organic-blouse');
      await addToCart(page, ['L', 'Navy'], variants.blouse, 1);
      expect(await page.locator('[data-line]').count()).to.equal(2);
      expect(await page.locator(`[data-variant="${variants.shirt}"] input[name="quantity"]`).inputValue()).to.equal(
        '2',
      );
      expect(await page.locator(`[data-variant="${variants.blouse}"]`).textContent())
        .to.include('Size: L')
        .and.include('Colour: Navy');
      await screenshot(page, 'purchase-cart');

      await submit(page, page.getByRole('link', { name: 'Proceed to checkout' }));
      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/checkout/contact');
      await page.getByLabel('Email').fill('gina.guest@example.com');
      await screenshot(page, 'purchase-checkout-contact');
      await next(page, 'contact', 'address');
      await fillAddress(page, {
        name: 'Gina Guest',
        line1: '5 Rue du Test',
        postalCode: 'L-1234',
        city: 'Luxembourg',
        country: 'LU',
      });
      await screenshot(page, 'purchase-checkout-address');
      await next(page, 'address', 'shipping');
      await page.getByLabel(/Express/).check();
      await screenshot(page, 'purchase-checkout-shipping');
      await next(page, 'shipping', 'payment');
      await page.getByLabel(/Test card/).check();
      await screenshot(page, 'purchase-checkout-payment');
      await next(page, 'payment', 'review');

      const total = 2 * prices.shirt + prices.blouse + SHIPPING.express;
      expect(await page.locator('[data-line]').count(), 'the review lists both lines').to.equal(2);
      expect(await page.locator('[data-grand-total]').getAttribute('data-grand-total')).to.equal(String(total));
      expect(await page.locator('[data-email]').textContent()).to.equal('gina.guest@example.com');
      await page.getByLabel('Card number').fill(APPROVED_CARD);
      await screenshot(page, 'purchase-checkout-review');
      await submit(page, page.locator('[data-place]'));

      expect(new URL(page.url()).pathname).to.match(/^\/storefront\/fashion\/checkout\/complete\/[0-9a-f-]{36}$/);
      const confirmation = page.locator('[data-order-number]');
      placed.guest = {
        id: (await confirmation.getAttribute('data-order'))!,
        number: (await confirmation.getAttribute('data-order-number'))!,
      };
      expect(await page.getByRole('status').filter({ hasText: 'Thank you' }).textContent()).to.include(
        `#${placed.guest.number}`,
      );
      expect(await page.locator('[data-status]').getAttribute('data-status')).to.equal('paid');
      expect(await page.locator(`[data-line="${variants.shirt}"]`).textContent())
        .to.include('Classic Oxford Shirt')
        .and.match(/2 ×/);
      expect(await page.locator(`[data-line="${variants.blouse}"]`).textContent())
        .to.include('Organic Blouse')
        .and.match(/1 ×/);
      await screenshot(page, 'purchase-confirmation');

      expect(
        await page.getByRole('link', { name: 'Track your order' }).getAttribute('href'),
        'a guest is pointed at the lookup',
      ).to.equal('/storefront/fashion/orders/lookup');
      await menu(page, 'orders.lookup');
      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/orders/lookup');
      await page.getByLabel('Order number').fill(placed.guest.number);
      await page.getByLabel('Email').fill('Gina.Guest@Example.com');
      await submit(page, page.getByRole('button', { name: 'Find my order' }));
      expect(await page.locator('[data-order]').getAttribute('data-status')).to.equal('paid');
      expect(await page.locator('main').textContent())
        .to.include('Paid')
        .and.include('Classic Oxford Shirt')
        .and.include('Organic Blouse');
      await screenshot(page, 'purchase-lookup');

      const orders = await test.db('orders.orders').where({ store_id: storeId });
      expect(orders, 'one order in the store').to.have.length(1);
      expect(orders[0]).to.include({
        id: placed.guest.id,
        number: Number(placed.guest.number),
        email: 'gina.guest@example.com',
        status: 'paid',
        customer_id: null,
      });
      expect(Number(orders[0].grand_total)).to.equal(total);
      const lines = await test
        .db('orders.order_lines')
        .where({ order_id: placed.guest.id })
        .orderBy('position')
        .select('variant_id', 'quantity');
      expect(lines).to.deep.equal([
        { variant_id: variants.shirt, quantity: 2 },
        { variant_id: variants.blouse, quantity: 1 },
      ]);
      const payment = await test
        .db('payments.payments')
        .where({ store_id: storeId, order_ref: placed.guest.id })
        .first();
      expect(payment).to.include({ provider: 'test', status: 'captured' });
      expect(Number(payment.captured_amount)).to.equal(total);
      expect(await stockOf(variants.shirt)).to.deep.equal({ onHand: STOCK - 2, reserved: 0 });
      expect(await stockOf(variants.blouse)).to.deep.equal({ onHand: STOCK - 1, reserved: 0 });
    });

    it('on a phone, a guest’s cart merges into the shopper’s cart on sign-in, and the order shows under “My orders”', async () => {
      // The shopper's own cart from an earlier visit: a scarf, added while signed in.
      const earlier = await browser.newContext({ baseURL: url });
      try {
        const page = await earlier.newPage();
        await page.goto('/storefront/fashion');
        await submit(page, page.locator('[data-sign-in]'));
        await signIn(page, SHOPPER);
        await findProduct(page, 'scarf', 'wool-scarf');
        await addToCart(page, [], variants.scarf, 1);
        await submit(page, page.getByRole('button', { name: 'Sign out' }));
      } finally {
        await earlier.close();
      }

      const page = (shopperPage = await phone.newPage());
      await page.goto('/storefront/fashion');
      await findProduct(page, 'linen summer', 'linen-summer-dress');
      await addToCart(page, ['M'], variants.dress, 1);
      expect(await page.locator('[data-line]').count(), 'the guest cart holds the dress only').to.equal(1);
      await submit(page, page.locator('[data-sign-in]'));
      await signIn(page, SHOPPER);
      await menu(page, 'cart.cart');
      expect(
        await page.locator(`[data-variant="${variants.scarf}"] input[name="quantity"]`).inputValue(),
        'the shopper’s earlier line',
      ).to.equal('1');
      expect(
        await page.locator(`[data-variant="${variants.dress}"] input[name="quantity"]`).inputValue(),
        'the guest’s line, merged',
      ).to.equal('1');
      expect(await page.locator('[data-line]').count()).to.equal(2);
      expect(
        (await test.db('cart.carts').where({ store_id: storeId, status: 'merged' })).length,
        'the guest cart is merged',
      ).to.equal(1);
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-merged-cart');

      await submit(page, page.getByRole('link', { name: 'Proceed to checkout' }));
      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/checkout/contact');
      expect(await page.getByLabel('Email').inputValue(), 'the signed-in shopper’s email is filled in').to.equal(
        SHOPPER,
      );
      expect(await page.locator('[data-signed-in]').textContent()).to.include(SHOPPER);
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-checkout-contact');
      await next(page, 'contact', 'address');
      await fillAddress(page, {
        name: 'Sam Shopper',
        line1: '12 Avenue de la Gare',
        postalCode: 'L-1610',
        city: 'Luxembourg',
        country: 'LU',
      });
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-checkout-address');
      await next(page, 'address', 'shipping');
      await page.getByLabel(/Standard/).check();
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-checkout-shipping');
      await next(page, 'shipping', 'payment');
      await page.getByLabel(/Test card/).check();
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-checkout-payment');
      await next(page, 'payment', 'review');
      expect(await page.locator('[data-line]').count(), 'the review lists the merged lines').to.equal(2);
      await page.getByLabel('Card number').fill(APPROVED_CARD);
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-checkout-review');
      await submit(page, page.locator('[data-place]'));

      expect(new URL(page.url()).pathname).to.match(/^\/storefront\/fashion\/checkout\/complete\/[0-9a-f-]{36}$/);
      const confirmation = page.locator('[data-order-number]');
      placed.shopper = {
        id: (await confirmation.getAttribute('data-order'))!,
        number: (await confirmation.getAttribute('data-order-number'))!,
      };
      expect(Number(placed.shopper.number), 'numbers follow on in the store').to.equal(Number(placed.guest.number) + 1);
      expect(await page.locator('[data-status]').getAttribute('data-status')).to.equal('paid');
      await fitsThePhone(page);
      await screenshot(page, 'purchase-phone-confirmation');

      await submit(page, page.getByRole('link', { name: 'My orders' }));
      expect(new URL(page.url()).pathname).to.equal('/storefront/fashion/orders');
      expect(
        await page
          .locator('[data-list="orders"] [data-number]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number'))),
        'only the shopper’s own order',
      ).to.deep.equal([placed.shopper.number]);
      expect(
        await page.locator(`[data-order="${placed.shopper.id}"] [data-status]`).getAttribute('data-status'),
      ).to.equal('paid');
      await fitsThePhone(page);
      await screenshot(page, 'purchase-account-orders');
      await submit(page, page.locator(`[data-order="${placed.shopper.id}"] a`));
      expect(new URL(page.url()).pathname).to.equal(`/storefront/fashion/orders/${placed.shopper.id}`);
      expect(await page.locator('[data-order]').getAttribute('data-status')).to.equal('paid');

      const order = await test.db('orders.orders').where({ id: placed.shopper.id }).first();
      const customer = await test.db('customers.customers').where({ store_id: storeId, email: SHOPPER }).first('id');
      expect(order).to.include({ customer_id: customer.id, email: SHOPPER, status: 'paid' });
      expect(Number(order.grand_total)).to.equal(prices.scarf + prices.dress + SHIPPING.standard);
      expect(await stockOf(variants.scarf)).to.deep.equal({ onHand: STOCK - 1, reserved: 0 });
      expect(await stockOf(variants.dress)).to.deep.equal({ onHand: STOCK - 1, reserved: 0 });
    });

    it('the store owner ships the order with a tracking number and the shopper sees it on reload', async () => {
      const owner = await browser.newContext({ baseURL: url });
      try {
        const page = await owner.newPage();
        await page.goto('/store/fashion/orders');
        expect(new URL(page.url()).pathname).to.equal('/store/fashion/auth/login');
        await signIn(page, 'owner@fashion.local');
        expect(new URL(page.url()).pathname).to.equal('/store/fashion/orders');
        expect(await page.locator('[data-list="orders"] [data-number]').count()).to.equal(2);
        await submit(page, page.locator(`[data-list="orders"] [data-number="${placed.shopper.number}"] a`));
        expect(new URL(page.url()).pathname).to.equal(`/store/fashion/orders/${placed.shopper.id}`);
        expect(await page.locator('[data-status]').first().getAttribute('data-status')).to.equal('paid');
        await screenshot(page, 'purchase-dashboard-order');

        await page.getByLabel('Tracking number').fill('LU-TRACK-0042');
        await submit(page, page.getByRole('button', { name: 'Mark shipped' }));
        expect(await page.locator('.wz-alert-success').textContent()).to.include('The order is marked shipped.');
        expect(await page.locator('[data-status]').first().getAttribute('data-status')).to.equal('fulfilled');
        expect((await page.locator('[data-tracking]').textContent())!.trim()).to.equal('LU-TRACK-0042');
        await screenshot(page, 'purchase-dashboard-order-fulfilled');
      } finally {
        await owner.close();
      }

      await shopperPage.reload();
      expect(await shopperPage.locator('[data-order]').getAttribute('data-status')).to.equal('fulfilled');
      expect(await shopperPage.locator('main').textContent())
        .to.include('Shipped')
        .and.include('Your order is on its way.');
      expect(await shopperPage.locator('[data-tracking]').textContent()).to.equal('LU-TRACK-0042');
      await fitsThePhone(shopperPage);
      await screenshot(shopperPage, 'purchase-account-order-fulfilled');
      const history = await test
        .db('orders.order_status_history')
        .where({ order_id: placed.shopper.id })
        .orderBy('created_at')
        .select('to_status');
      expect(history.map((row) => row.to_status)).to.deep.equal(['paid', 'fulfilled']);
    });
  },
);
