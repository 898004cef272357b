import { createRequestContext } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import { TEST_CARDS } from './providers/builtin.js';
import type { SettingsRepository } from './repositories/settings.repository.js';
import type { PaymentsServiceImpl } from './services/payments.service.js';
import { newSecret } from './services/settings.service.js';

const DEMO_STORES = ['fashion', 'techhub'];

/**
 * The `demo` seed: the demo stores offer all three built-in providers and get three sample payments (a bank transfer
 * waiting to be marked paid, a cash-on-delivery order, a captured test-card payment). Idempotent: settings a store
 * already has are kept, and the payments use fixed idempotency keys.
 */
export function createDemoSeed(deps: {
  stores: StoreDirectory;
  settings: SettingsRepository;
  payments: PaymentsServiceImpl;
}) {
  return async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const code of DEMO_STORES) {
      const store = await deps.stores.byCode(code);
      if (!store) continue;
      const existing = await deps.settings.find(store.id);
      if (!existing?.providers) await deps.settings.setProviders(store.id, ['manual', 'cod', 'test'], newSecret());
      // A seed has no request: its context names the store only (no storefront URL), and the history says `seed:demo`.
      const ctx = createRequestContext({ store: { ...store, base: '' } });
      const sample = (n: number, provider: string, amount: number, input: Record<string, unknown> = {}) =>
        deps.payments.authorize(ctx, {
          orderRef: `DEMO-${n}`,
          amount,
          currency: store.currency,
          provider,
          input,
          idempotencyKey: `demo-seed-${n}`,
          actor: 'seed:demo',
        });
      await sample(1001, 'manual', 4990);
      await sample(1002, 'cod', 12900);
      const card = await sample(1003, 'test', 2500, { cardNumber: TEST_CARDS.approve });
      if (card.status === 'authorized') await deps.payments.capture(ctx, card.id, { actor: 'seed:demo' });
      lines.push(`Payments of ${store.name}: {url}/store/${code}/payments`);
    }
    return lines;
  };
}
