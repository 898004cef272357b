import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '@wizamart/host/testing';
import { browserAvailable, launchBrowser, screenshot, startEnablementHost } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';

(browserAvailable() ? describe : describe.skip)(
  'the admin console’s plugin page in a real browser (headless Chromium)',
  function () {
    this.timeout(120_000);
    let test: TestHost;
    let url: string;
    let browser: Browser;
    let page: Page;

    before(async () => {
      test = await startEnablementHost();
      ({ url } = await test.host.listen(0, '127.0.0.1'));
      browser = await launchBrowser();
      page = await (await browser.newContext({ baseURL: url })).newPage();
      await page.goto('/admin/plugins');
      await page.getByLabel(/e-?mail/i).fill('admin@wizamart.local');
      await page.getByLabel(/password/i).fill(PASSWORD);
      await Promise.all([page.waitForURL('**/admin/plugins'), page.getByRole('button', { name: /sign in/i }).click()]);
    });
    after(async () => {
      await browser?.close();
      await test?.stop();
    });

    const toggle = (code: string, platform = 'main') =>
      page.locator(`tr[data-plugin="${code}"] td[data-platform="${platform}"] [role="switch"]`);
    const storefrontStatus = async (path: string) => (await page.context().request.get(path)).status();

    it('shows every plugin with tier, state, errors, links, toggles and the dependency graph', async () => {
      expect(
        await page.getByRole('navigation').getByRole('link', { name: 'Plugins' }).first().getAttribute('href'),
        'the menu links to the console root',
      ).to.equal('/admin/plugins');
      expect(await page.locator('tr[data-plugin="tenancy"] [data-tier="core"]').count()).to.equal(1);
      expect(await page.locator('tr[data-plugin="bad-migration"] [data-error]').textContent()).to.match(/WZ_/);
      expect(await page.locator('tr[data-plugin="wishlist"]').textContent()).to.include('gift-notes');
      expect(await toggle('wishlist').getAttribute('aria-checked')).to.equal('true');
      expect(
        await page.locator('[data-testid="plugin-graph"] [data-node="wishlist"]').getAttribute('data-enabled'),
      ).to.equal('true');
      expect(await page.locator('[data-testid="plugin-graph"] [data-edge="gift-notes-wishlist"]').count()).to.equal(1);
      await screenshot(page, 'admin-plugins');
    });

    it('disabling a plugin with dependents shows them in the plan first; confirmed, the dependent’s storefront page is gone', async () => {
      await toggle('wishlist').click();
      const dialog = page.getByTestId('plan-dialog');
      await dialog.locator('[data-plan="disable"] li', { hasText: 'gift-notes' }).waitFor();
      expect(await dialog.locator('[data-plan="disable"] li').allTextContents()).to.deep.equal([
        'wishlist',
        'gift-notes',
      ]);
      await screenshot(page, 'admin-plugins-plan-dialog');
      expect(await storefrontStatus('/storefront/fashion/gift-notes'), 'nothing changes before confirming').to.equal(
        200,
      );
      await Promise.all([
        page.waitForURL('**/admin/plugins?platform=main'),
        dialog.getByTestId('plan-confirm').click(),
      ]);
      expect(await page.locator('.wz-alert').first().textContent()).to.include('wishlist, gift-notes');
      expect(await toggle('gift-notes').getAttribute('aria-checked')).to.equal('false');
      expect(await page.getByTestId('plugin-audit').locator('tbody tr').first().textContent()).to.include(
        'disable wishlist',
      );
      await screenshot(page, 'admin-plugins-disabled');
      const shop = await page.context().newPage();
      const response = await shop.goto('/storefront/fashion/gift-notes');
      expect(response?.status()).to.equal(404);
      await screenshot(shop, 'storefront-plugin-disabled');
      await shop.close();
    });

    it('re-enabling the dependent brings its requirement back and the page returns', async () => {
      await toggle('gift-notes').click();
      const dialog = page.getByTestId('plan-dialog');
      await dialog.locator('[data-plan="enable"] li', { hasText: 'wishlist' }).waitFor();
      expect(await dialog.locator('[data-plan="enable"] li').allTextContents()).to.deep.equal([
        'gift-notes',
        'wishlist',
      ]);
      await Promise.all([
        page.waitForURL('**/admin/plugins?platform=main'),
        dialog.getByTestId('plan-confirm').click(),
      ]);
      expect(await toggle('wishlist').getAttribute('aria-checked')).to.equal('true');
      expect(await storefrontStatus('/storefront/fashion/gift-notes')).to.equal(200);
      const shop = await page.context().newPage();
      await shop.goto('/storefront/fashion/gift-notes');
      expect(await shop.getByTestId('gift-notes-page').isVisible()).to.equal(true);
      await screenshot(shop, 'storefront-plugin-enabled-again');
      await shop.close();
    });
  },
);
