import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { createProduct, pluginDirs, productBody, staffToken } from './helpers.js';

const PROBE = fileURLToPath(new URL('../../test/fixtures/panel-probe', import.meta.url));

interface Enablement {
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: { dryRun: boolean; release: boolean; actor: string },
  ): Promise<unknown>;
}

/** Order of the `data-panel` wrappers on a product page. */
const panelsOf = (html: string) => [...html.matchAll(/data-panel="([^"]+)"/g)].map((match) => match[1]);

describe('catalog: panels other plugins add to the product page', () => {
  let test: TestHost;
  const toggle = (action: 'enable' | 'disable') =>
    (test.host as { enablementChanges: Enablement }).enablementChanges.change('main', 'panel-probe', action, {
      dryRun: false,
      release: false,
      actor: 'test',
    });
  const calls = async () =>
    (await request(test.app).get('/api/v1/storefront/fashion/panel-probe/calls').expect(200)).body;

  before(async () => {
    const env = {
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
    };
    test = await startTestHost({ plugins: [...pluginDirs(), PROBE], env, seeds: ['demo'] });
    const owner = await staffToken(test, 'owner@fashion.local', 'fashion');
    await createProduct(
      test,
      owner,
      'fashion',
      productBody('Panel Parka', {
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { sku: 'PARKA-S', price: 9900, optionValues: { Size: 'S' } },
          { sku: 'PARKA-M', price: 9900, optionValues: { Size: 'M' } },
        ],
      }),
    );
  });
  after(async () => test?.stop());

  it("renders the enabled plugin's panels in order with the product, leaving out one whose load throws", async () => {
    const page = await request(test.app).get('/storefront/fashion/products/panel-parka').expect(200);
    expect(panelsOf(page.text)).to.deep.equal(['panel-probe.first', 'panel-probe.shown']);
    expect(page.text)
      .to.include('data-title="Panel Parka"')
      .and.include('data-url="/storefront/fashion/products/panel-parka"');
    expect(page.text).to.include('data-skus="PARKA-S,PARKA-M"').and.include('data-stock="null,null"');
    expect(page.text, 'the rest of the page is there').to.include('data-sku').and.include('</footer>');
    const counted = await calls();
    expect(counted.calls.broken, 'the broken panel was asked and left out').to.be.greaterThan(0);
    expect(counted.calls.skipped, 'a panel may choose to stay out').to.be.greaterThan(0);
  });

  it("refuses a panel that renders another plugin's partial, and the same id twice", async () => {
    const refused = ['foreign:WZ_PLUGIN_INVALID_ARGUMENT', 'shown:WZ_PLUGIN_INVALID_ARGUMENT'];
    expect((await calls()).refused).to.deep.equal(refused);
  });

  it('shows no panel of a plugin turned off on the platform (without loading it), and shows it again once it is back', async () => {
    const loads = (await calls()).calls.shown;
    await toggle('disable');
    try {
      expect(
        (await request(test.app).get('/api/v1/storefront/fashion/panel-probe/calls')).status,
        'the probe is off',
      ).to.equal(404);
      const page = await request(test.app).get('/storefront/fashion/products/panel-parka').expect(200);
      expect(panelsOf(page.text)).to.deep.equal([]);
      expect(page.text).not.to.include('data-probe-shown');
    } finally {
      await toggle('enable');
    }
    expect((await calls()).calls.shown, "a disabled plugin's panel is not loaded").to.equal(loads);
    const back = await request(test.app).get('/storefront/fashion/products/panel-parka').expect(200);
    expect(panelsOf(back.text)).to.deep.equal(['panel-probe.first', 'panel-probe.shown']);
    expect((await calls()).calls.shown).to.equal(loads + 1);
  });
});
