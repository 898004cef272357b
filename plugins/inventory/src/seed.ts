import type { CatalogVariants } from '@wizamart/plugin-catalog';
import { createRequestContext } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { StockRepository } from './repositories/stock.repository.js';
import type { StockService } from './services/stock.service.js';

const DEMO_STORES = ['fashion', 'techhub'];

/** A stable demo quantity: most variants well stocked, every 5th low, every 7th sold out. */
function demoQuantity(index: number): number {
  if (index % 7 === 6) return 0;
  if (index % 5 === 4) return 3;
  return 12 + ((index * 17) % 40);
}

/**
 * The `demo` seed: stock at the default location for every variant of the demo stores `fashion` and `techhub` (the
 * catalog seed runs first). Idempotent: variants that already have stock records are left alone.
 */
export function createDemoSeed(deps: {
  stores: StoreDirectory;
  variants: CatalogVariants;
  stock: StockService;
  repository: StockRepository;
}) {
  return async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const code of DEMO_STORES) {
      const store = await deps.stores.byCode(code);
      if (!store) continue;
      const base = `/storefront/${encodeURIComponent(store.code)}`;
      const actor = { kind: 'admin' as const, permissions: ['*'] };
      const ctx = createRequestContext({ surface: 'store', store: { ...store, base }, actor });
      const { items } = await deps.variants.search(store.id, { limit: 1000, offset: 0 });
      const tracked = new Set(
        (
          await deps.repository.levels(
            store.id,
            items.map((variant) => variant.id),
          )
        ).map((level) => level.variantId),
      );
      let stocked = 0;
      for (const [index, variant] of items.entries()) {
        if (tracked.has(variant.id)) continue;
        const delta = demoQuantity(index);
        const change = { variantId: variant.id, delta, reason: 'received' as const, lowThreshold: 5 };
        await deps.stock.change(ctx, change, 'seed:demo');
        stocked++;
      }
      if (stocked) lines.push(`Stock of ${store.name}: ${stocked} variants stocked at {url}/store/${code}/inventory`);
    }
    return lines;
  };
}
