import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { SettingsRepository } from './repositories/settings.repository.js';

/** The demo stores' tax settings: Fashion Corner shows prices with VAT included, TechHub adds it at checkout. */
const DEMO_TAX: Record<string, { rateBasisPoints: number; inclusive: boolean }> = {
  fashion: { rateBasisPoints: 1700, inclusive: true },
  techhub: { rateBasisPoints: 1700, inclusive: false },
};
const DEMO_RATES = [
  { code: 'standard', name: 'Standard (3–5 days)', amount: 490, position: 1, active: true },
  { code: 'express', name: 'Express (next day)', amount: 990, position: 2, active: true },
];

/**
 * The `demo` seed: shipping rates (Standard 4.90, Express 9.90 in the store's currency) and a tax setting for the
 * demo stores, so the demo can check out. Idempotent: a store that already has tax settings or rates keeps them.
 */
export function createDemoSeed(deps: { stores: StoreDirectory; settings: SettingsRepository }) {
  return async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const [code, tax] of Object.entries(DEMO_TAX)) {
      const store = await deps.stores.byCode(code);
      if (!store) continue;
      if (!(await deps.settings.hasTax(store.id))) await deps.settings.saveTax(store.id, tax);
      if (!(await deps.settings.hasRates(store.id))) {
        for (const rate of DEMO_RATES) await deps.settings.insertRate(store.id, rate);
      }
      lines.push(`Orders of ${store.name}: {url}/store/${code}/orders`);
    }
    return lines;
  };
}
