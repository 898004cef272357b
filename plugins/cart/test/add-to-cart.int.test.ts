import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCart, CHECKOUT_PROBE, createVariant, setStock, staffToken, toggle } from './helpers.js';

const STOREFRONT = '/storefront/fashion';
type Agent = ReturnType<typeof request.agent>;

/** The value of the first `name="<name>"` field of a page (attributes in template order: name, then value). */
function field(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

/** The add-to-cart form of a product page, or undefined when the page has none. */
function addForm(html: string): string | undefined {
  return /<form[^>]*data-add-to-cart[\s\S]*?<\/form>/.exec(html)?.[0];
}

describe('cart: "add to cart" on the product page and the way to checkout', function () {
  this.timeout(120_000);
  let test: TestHost;
  let tee: string;
  let small: string;
  let medium: string;

  /** Creates a two-size product: S sold out, M with 4 units. */
  async function createHoodie(owner: string): Promise<void> {
    const res = await request(test.app)
      .post(`/api/v1/store/fashion/catalog/products`)
      .set(bearer(owner))
      .send({
        title: 'Size Hoodie',
        status: 'active',
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { sku: 'HOODIE-S', price: 5900, optionValues: { Size: 'S' } },
          { sku: 'HOODIE-M', price: 6100, optionValues: { Size: 'M' } },
        ],
      });
    if (res.status !== 201) throw new Error(`hoodie → ${res.status} ${JSON.stringify(res.body)}`);
    [small, medium] = res.body.variants.map((variant: { id: string }) => variant.id);
    await setStock(test, owner, 'fashion', small, 0);
    await setStock(test, owner, 'fashion', medium, 4);
  }

  /** Opens a product page in the agent's session and returns the form's CSRF token. */
  async function openProduct(agent: Agent, slug: string): Promise<{ html: string; csrf: string }> {
    const page = await agent.get(`${STOREFRONT}/products/${slug}`).expect(200);
    const form = addForm(page.text);
    if (!form) throw new Error(`no add-to-cart form on ${slug}`);
    return { html: page.text, csrf: field(form, '_csrf')! };
  }

  before(async () => {
    test = await bootCart([CHECKOUT_PROBE]);
    const owner = await staffToken(test, 'fashion');
    tee = await createVariant(test, owner, 'fashion', 'Panel Tee', 2500, { stock: 5 });
    await setStock(test, owner, 'fashion', await createVariant(test, owner, 'fashion', 'Gone Cap', 1200), 0);
    await createHoodie(owner);
  });
  after(async () => test?.stop());

  it('shows the form on the product page: quantity, the variant, a token, disabled when nothing can be bought', async () => {
    const page = await request(test.app).get(`${STOREFRONT}/products/panel-tee`).expect(200);
    expect(page.text).to.include('data-panel="cart.add-to-cart"');
    const form = addForm(page.text)!;
    expect(form).to.include(`action="${STOREFRONT}/cart/add"`).and.include(`name="variantId" value="${tee}"`);
    expect(field(form, 'back')).to.equal(`${STOREFRONT}/products/panel-tee`);
    expect(field(form, '_csrf')).to.match(/^[A-Za-z0-9_-]{32}$/);
    expect(form).to.match(/type="number" name="quantity" min="1" max="99"/);
    expect(form).not.to.match(/data-add-to-cart-submit disabled/);
    const cookies = (page.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    expect(
      cookies.some((cookie) => cookie.startsWith(`wz_login_csrf=${field(form, '_csrf')};`)),
      'a guest gets the token as the form cookie',
    ).to.equal(true);

    const hoodie = addForm((await request(test.app).get(`${STOREFRONT}/products/size-hoodie`).expect(200)).text)!;
    expect(hoodie, "the picker's selection, named by Alpine")
      .to.include(`x-bind:name="'variantId'"`)
      .and.include(':value="variant ? variant.id : \'\'"');
    expect(hoodie).to.include('<noscript>');
    expect(hoodie, 'without scripts: a list, the sold-out size disabled, the other chosen').to.match(
      new RegExp(`<option value="${small}" disabled>S · €59\\.00 \\(Out of stock\\)</option>`),
    );
    expect(hoodie).to.match(new RegExp(`<option value="${medium}" selected>M · €61\\.00</option>`));
    expect(hoodie).to.include(`:disabled="!variant || variant.stock === 'out_of_stock'"`);

    const cap = addForm((await request(test.app).get(`${STOREFRONT}/products/gone-cap`).expect(200)).text)!;
    expect(cap, 'sold out: the button is disabled before any script runs').to.match(/data-add-to-cart-submit disabled/);
  });

  it('adds the line from a form post (no script needed) and redirects to the cart page', async () => {
    const agent = request.agent(test.app);
    const { csrf } = await openProduct(agent, 'panel-tee');
    const added = await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, back: `${STOREFRONT}/products/panel-tee`, variantId: tee, quantity: '2' })
      .expect(303);
    expect(added.headers.location).to.equal(`${STOREFRONT}/cart`);
    const cart = await agent.get(`${STOREFRONT}/cart`).expect(200);
    expect(cart.text)
      .to.include(`data-variant="${tee}"`)
      .and.include('data-subtotal="5000"')
      .and.include('Added to your cart.');
    // The no-script list sends the chosen size as the only variantId.
    await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, back: `${STOREFRONT}/products/size-hoodie`, variantId: medium, quantity: '1' })
      .expect(303);
    const api = await agent.get('/api/v1/storefront/fashion/cart').expect(200);
    expect(
      api.body.lines.map((line: { variantId: string; quantity: number }) => [line.variantId, line.quantity]),
    ).to.have.deep.members([
      [tee, 2],
      [medium, 1],
    ]);
  });

  it('sends a refused add back to the product page with the reason, changing nothing', async () => {
    const agent = request.agent(test.app);
    const { csrf } = await openProduct(agent, 'panel-tee');
    await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, variantId: tee, quantity: '1' })
      .expect(303);
    const short = await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, back: `${STOREFRONT}/products/panel-tee`, variantId: tee, quantity: '5' })
      .expect(303);
    expect(short.headers.location).to.equal(`${STOREFRONT}/products/panel-tee`);
    const page = await agent.get(short.headers.location).expect(200);
    expect(page.text).to.include('wz-alert-error').and.include('Not enough of this item is in stock.');
    expect(addForm(page.text), 'the form is there to try again').to.be.a('string');
    const bad = await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, back: `${STOREFRONT}/products/panel-tee`, variantId: tee, quantity: '0' })
      .expect(303);
    expect((await agent.get(bad.headers.location)).text).to.include('Please check the quantity.');
    const away = await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, back: 'https://evil.example/x', variantId: small, quantity: '1' })
      .expect(303);
    expect(away.headers.location, 'no redirect off the storefront').to.equal(`${STOREFRONT}/cart`);
    expect(
      (await agent.post(`${STOREFRONT}/cart/add`).type('form').send({ variantId: tee, quantity: '1' })).status,
      'no token, no change',
    ).to.equal(403);
    const api = await agent.get('/api/v1/storefront/fashion/cart').expect(200);
    expect(
      api.body.lines.map((line: { variantId: string; quantity: number }) => [line.variantId, line.quantity]),
    ).to.deep.equal([[tee, 1]]);
  });

  it('links the cart page to checkout only while the cart is ready and a checkout plugin is on', async () => {
    const agent = request.agent(test.app);
    const { csrf } = await openProduct(agent, 'size-hoodie');
    await agent
      .post(`${STOREFRONT}/cart/add`)
      .type('form')
      .send({ _csrf: csrf, variantId: medium, quantity: '2' })
      .expect(303);
    const ready = await agent.get(`${STOREFRONT}/cart`).expect(200);
    expect(ready.text).to.match(new RegExp(`href="${STOREFRONT}/checkout/contact"[^>]*data-checkout`));
    expect((await agent.get(`${STOREFRONT}/checkout/contact`).expect(200)).text).to.include('contact step');
    await toggle(test, 'checkout', 'disable');
    try {
      expect((await agent.get(`${STOREFRONT}/cart`).expect(200)).text).not.to.include('data-checkout');
    } finally {
      await toggle(test, 'checkout', 'enable');
    }
    // Stock falls below the line (set in the table: inventory's API upsert cannot lower stock, see the report).
    await test.db('inventory.levels').where({ variant_id: medium }).update({ on_hand: 1 });
    try {
      const short = await agent.get(`${STOREFRONT}/cart`).expect(200);
      expect(short.text).to.include('data-problem="insufficient_stock"').and.not.include('data-checkout');
    } finally {
      await test.db('inventory.levels').where({ variant_id: medium }).update({ on_hand: 4 });
    }
    expect((await agent.get(`${STOREFRONT}/cart`).expect(200)).text).to.include('data-checkout');
  });

  it('shows no form while cart is turned off on the platform; the product page still renders', async () => {
    await toggle(test, 'cart', 'disable');
    try {
      const page = await request(test.app).get(`${STOREFRONT}/products/panel-tee`).expect(200);
      expect(page.text).to.include('Panel Tee');
      expect(page.text).not.to.include('data-add-to-cart').and.not.include('/cart/add');
    } finally {
      await toggle(test, 'cart', 'enable');
    }
    expect(addForm((await request(test.app).get(`${STOREFRONT}/products/panel-tee`).expect(200)).text)).to.be.a(
      'string',
    );
  });
});
