import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/host/testing';
import { FIRST_PARTY } from './support.js';

const PLUGINS = FIRST_PARTY;

/** The storefront home is core's; cms and catalog add sections to it, shown only while they are enabled. */
describe('storefront home sections follow plugin enablement', function () {
  this.timeout(90_000);
  let test: TestHost;
  const home = async () => (await request(test.app).get('/storefront/fashion').expect(200)).text;
  const change = (action: 'enable' | 'disable', code: string) =>
    test.host.enablementChanges.change('main', code, action, { dryRun: false, release: false, actor: 'e2e' });

  before(async () => {
    test = await startTestHost({
      plugins: PLUGINS,
      env: { WIZAMART_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42', WIZAMART_JOBS: 'false' },
    });
    await test.host.runSeeds('demo');
  });
  after(async () => test?.stop());

  it('shows the store’s CMS home page, its page links, featured products and categories', async () => {
    const html = await home();
    expect(html).to.include('data-section="cms.home"').and.include('New season, same values');
    expect(html).to.include('data-cms-link="about"').and.not.include('data-cms-link="home"');
    expect(html)
      .to.include('data-section="catalog.home"')
      .and.match(/data-product="[^"]+"/);
    expect(html.indexOf('data-section="cms.home"'), 'cms content comes before the catalog').to.be.below(
      html.indexOf('data-section="catalog.home"'),
    );
  });

  it('with catalog disabled, the home still renders the CMS content and has no product links; enabled again, they are back', async () => {
    await change('disable', 'catalog');
    try {
      const html = await home();
      expect(html).to.include('New season, same values');
      expect(html).not.to.include('data-section="catalog.home"');
      expect(html).not.to.match(/\/catalog\/products/);
    } finally {
      await change('enable', 'inventory');
    }
    expect(await home()).to.include('data-section="catalog.home"');
  });
});
