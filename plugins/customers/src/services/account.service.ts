import { requireStore, type Principal, type RequestContext } from '@wizamart/plugin-sdk';
import type { AuthService, IssuedToken } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import { emailTaken, invalidCredentials, unauthenticated } from '../errors.js';
import { CUSTOMER_PERMISSIONS, type CustomerAccounts, type CustomerProfile, type Registration } from '../index.js';
import type { CustomerRepository } from '../repositories/customer.repository.js';
import { parseLogin, parseRegister } from '../validators.js';
import { isUuid, normaliseEmail, toProfile } from './profile.js';

/** What the account service needs from tenancy, auth and the database. */
export interface AccountDeps {
  stores: StoreDirectory;
  auth: AuthService;
  customers: CustomerRepository;
}

/** The permission set of every customer principal. */
const SHOPPER_PERMISSIONS: ReadonlySet<string> = Object.freeze(new Set([CUSTOMER_PERMISSIONS.account]));

/** Storefront sign-up, sign-in and the signed-in customer, on auth's tokens and rate limits and tenancy's hashing. */
export class AccountService implements CustomerAccounts {
  constructor(private readonly deps: AccountDeps) {}

  async register(ctx: RequestContext, input: unknown): Promise<Registration> {
    const body = parseRegister(input);
    const store = requireStore(ctx);
    const email = normaliseEmail(body.email);
    // Counted like a sign-in: hashing is deliberately slow, so unlimited sign-ups would be a cheap way to load the CPU.
    await this.deps.auth.checkLoginRate(ctx, email);
    const passwordHash = await this.deps.auth.hashPassword(body.password);
    const customer = await this.deps.customers.insert(store.id, { email, name: body.name.trim(), passwordHash });
    if (!customer) throw emailTaken();
    await this.deps.auth.loginSucceeded(ctx, email);
    const token = await this.deps.auth.issue({ aud: 'storefront', sub: customer.id, store: store.code });
    return { customer: toProfile(customer), ...token };
  }

  async login(ctx: RequestContext, input: unknown): Promise<IssuedToken> {
    const body = parseLogin(input);
    const store = requireStore(ctx);
    const email = normaliseEmail(body.email);
    await this.deps.auth.checkLoginRate(ctx, email);
    const customer = await this.deps.customers.byEmail(store.id, email);
    // verifyPassword compares against a dummy hash when there is no customer, so unknown emails take as long.
    const valid = await this.deps.auth.verifyPassword(body.password, customer?.passwordHash ?? undefined);
    if (!customer || !valid) throw invalidCredentials();
    await this.deps.auth.loginSucceeded(ctx, email);
    await this.deps.customers.touchLogin(store.id, customer.id);
    return this.deps.auth.issue({ aud: 'storefront', sub: customer.id, store: store.code });
  }

  async me(ctx: RequestContext): Promise<CustomerProfile> {
    const { kind, id } = ctx.actor;
    if (kind !== 'customer' || !id) throw unauthenticated();
    const store = requireStore(ctx);
    const customer = await this.deps.customers.byId(store.id, id);
    if (!customer) throw unauthenticated();
    return toProfile(customer);
  }

  /**
   * Auth's principal resolver for storefront tokens: the customer `sub` of store `store`, or undefined when the
   * token names a customer of another store or one that no longer exists.
   */
  async resolvePrincipal(claims: { sub: string; store: string }): Promise<Principal | undefined> {
    if (!isUuid(claims.sub)) return undefined;
    const store = await this.deps.stores.byCode(claims.store);
    const customer = store && (await this.deps.customers.byId(store.id, claims.sub));
    if (!store || !customer) return undefined;
    return {
      kind: 'customer',
      id: customer.id,
      email: customer.email,
      name: customer.name,
      store: store.code,
      permissions: SHOPPER_PERMISSIONS,
    };
  }
}
