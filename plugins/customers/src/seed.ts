import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { CustomerRepository } from './repositories/customer.repository.js';

const SHOPPER = { store: 'fashion', email: 'shopper@fashion.local', name: 'Sam Shopper' };

/**
 * The `demo` seed: the shopper `shopper@fashion.local` in store `fashion` (made by tenancy's seed, which runs first),
 * password `WIZAMART_DEMO_PASSWORD` or `wizamart-demo`. Idempotent: an existing shopper is left as it is.
 */
export function createDemoSeed(
  deps: { stores: StoreDirectory; auth: AuthService; customers: CustomerRepository },
  demoPassword: string | undefined,
) {
  return async (): Promise<string[]> => {
    const store = await deps.stores.byCode(SHOPPER.store);
    if (!store) return [];
    const password = demoPassword ?? 'wizamart-demo';
    if (!(await deps.customers.byEmail(store.id, SHOPPER.email))) {
      await deps.customers.insert(store.id, {
        email: SHOPPER.email,
        name: SHOPPER.name,
        passwordHash: await deps.auth.hashPassword(password),
      });
    }
    return [`Shopper: ${SHOPPER.email} / ${password} at {url}/storefront/${store.code}/customers/login`];
  };
}
