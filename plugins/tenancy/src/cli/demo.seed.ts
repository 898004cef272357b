import type { PlatformDirectory } from '@wizamart/plugin-sdk';
import type { TenancyEnv } from '../env.js';
import type { Tenancy } from '../tenancy.js';
import { hashPassword } from '../services/passwords.js';

const DEMO_STORES = [
  { code: 'fashion', name: 'Fashion Corner', merchant: 'Demo Fashion Group', currency: 'EUR', locale: 'en' },
  { code: 'techhub', name: 'TechHub', merchant: 'Demo TechHub Ltd', currency: 'EUR', locale: 'en' },
] as const;

const DEMO_USERS = [
  { email: 'admin@wizamart.local', name: 'Demo Admin', admin: true },
  { email: 'owner@fashion.local', name: 'Fashion Owner', store: 'fashion', role: 'owner' },
  { email: 'staff@fashion.local', name: 'Fashion Staff', store: 'fashion', role: 'staff' },
  { email: 'owner@techhub.local', name: 'TechHub Owner', store: 'techhub', role: 'owner' },
] as const;

async function seedPlatform(platforms: PlatformDirectory, domain: string): Promise<void> {
  const main = await platforms.get('main');
  if (main && main.domain !== domain) await platforms.update('main', { domain });
}

async function seedStores(tenancy: Tenancy): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const demo of DEMO_STORES) {
    const merchant =
      (await tenancy.repos.merchants.byName(demo.merchant)) ??
      (await tenancy.repos.merchants.insert({ name: demo.merchant, email: null }));
    const store =
      (await tenancy.repos.stores.byCode(demo.code)) ??
      (await tenancy.repos.stores.insert({
        code: demo.code,
        name: demo.name,
        merchantId: merchant.id,
        platform: 'main',
        currency: demo.currency,
        locale: demo.locale,
      }));
    ids.set(demo.code, store.id);
    tenancy.directory.changed(demo.code);
  }
  return ids;
}

async function seedUsers(tenancy: Tenancy, stores: Map<string, string>, password: string): Promise<void> {
  let passwordHash: string | undefined;
  for (const demo of DEMO_USERS) {
    let user = await tenancy.repos.users.byEmail(demo.email);
    // One hash for every demo account: bcrypt at cost 12 takes a while, and they share the password.
    if (!user)
      user = await tenancy.repos.users.insert({
        email: demo.email,
        name: demo.name,
        passwordHash: (passwordHash ??= await hashPassword(password)),
        isPlatformAdmin: 'admin' in demo,
      });
    if (!('store' in demo)) continue;
    const storeId = stores.get(demo.store)!;
    if (!(await tenancy.repos.memberships.roleOf(storeId, user.id)))
      await tenancy.repos.memberships.insert(storeId, user.id, demo.role);
  }
}

/** The `demo` seed: platform `main` on the platform domain, two stores and four accounts. Idempotent. */
export async function seedDemo(tenancy: Tenancy, platforms: PlatformDirectory, env: TenancyEnv): Promise<string[]> {
  await seedPlatform(platforms, env.platformDomain);
  const stores = await seedStores(tenancy);
  await seedUsers(tenancy, stores, env.demoPassword);
  const password = env.demoPasswordFromEnv ? 'the password in WIZAMART_DEMO_PASSWORD' : `password ${env.demoPassword}`;
  const host = (code: string) => `http://${code}.${env.platformDomain}:{port}`;
  return [
    `Admin console:  {url}/admin  (admin@wizamart.local, ${password})`,
    `Fashion Corner: dashboard {url}/store/fashion  (owner@fashion.local or staff@fashion.local), storefront {url}/storefront/fashion or ${host('fashion')}`,
    `TechHub:        dashboard {url}/store/techhub  (owner@techhub.local), storefront {url}/storefront/techhub or ${host('techhub')}`,
  ];
}
