import { createRequestContext } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { PageFields, ThemeValues } from './model.js';
import type { PageService } from './services/page.service.js';
import type { ThemeService } from './services/theme.service.js';

interface DemoStore {
  code: string;
  theme: ThemeValues;
  pages: PageFields[];
}

const shipping = (days: string, free: string): PageFields => ({
  slug: 'shipping',
  title: 'Shipping',
  published: true,
  body: `## Delivery\n\nOrders ship within ${days}. Shipping is free from ${free}.\n\n## Returns\n\nSend items back within 30 days, unused and in their original packaging.`,
});

const DEMO: DemoStore[] = [
  {
    code: 'fashion',
    theme: {
      primaryColor: '#e11d48',
      accentColor: '#f472b6',
      backgroundColor: '#fff1f2',
      textColor: '#1f2937',
      font: 'serif',
      logoMediaId: null,
    },
    pages: [
      {
        slug: 'about',
        title: 'About us',
        published: true,
        body: 'We make **timeless clothing** from organic cotton and linen, sewn in small workshops.\n\n- Fair wages\n- Natural fabrics\n- Made to last',
      },
      shipping('two working days', 'EUR 50'),
      {
        slug: 'home',
        title: 'Welcome',
        published: true,
        body: '## New season, same values\n\nLinen shirts and organic cotton basics are back — cut to last, sewn by people paid fairly.',
      },
    ],
  },
  {
    code: 'techhub',
    theme: {
      primaryColor: '#2563eb',
      accentColor: '#0ea5e9',
      backgroundColor: '#f8fafc',
      textColor: '#0f172a',
      font: 'geometric',
      logoMediaId: null,
    },
    pages: [
      {
        slug: 'about',
        title: 'About TechHub',
        published: true,
        body: 'Laptops, phones and accessories, **tested by people who use them**.\n\n1. Two-year warranty\n2. Free setup help\n3. Trade-in for old devices',
      },
      shipping('one working day', 'EUR 99'),
      {
        slug: 'home',
        title: 'Welcome',
        published: true,
        body: '## Tech you can count on\n\nEvery device is tested before it ships, and our help desk sets it up with you for free.',
      },
    ],
  },
];

/**
 * The `demo` seed: themes and pages for the demo stores `fashion` and `techhub` (made by tenancy's seed, which runs
 * first). Idempotent: existing themes and pages are left as they are.
 */
export function createDemoSeed(deps: { stores: StoreDirectory; pages: PageService; themes: ThemeService }) {
  return async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const demo of DEMO) {
      const store = await deps.stores.byCode(demo.code);
      if (!store) continue;
      const base = `/storefront/${encodeURIComponent(store.code)}`;
      const actor = { kind: 'admin' as const, permissions: ['*'] };
      const ctx = createRequestContext({ surface: 'store', store: { ...store, base }, actor });
      await deps.themes.save(ctx, demo.theme, { onlyIfAbsent: true });
      for (const page of demo.pages) await deps.pages.ensure(ctx, page);
      lines.push(`CMS pages of ${store.name}: {url}/storefront/${store.code}/cms/about`);
    }
    return lines;
  };
}
