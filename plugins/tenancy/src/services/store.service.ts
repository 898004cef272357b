import type { PlatformDirectory } from '@wizamart/plugin-sdk';
import type { Store } from '../index.js';
import type { Actor, Page, StoreDomain } from '../model.js';
import { conflict, notFound, storeNotFound, validation } from '../errors.js';
import { isUniqueViolation, type Transactor, type Tx } from '../repositories/db.js';
import type { DomainRepository } from '../repositories/domain.repository.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';
import type { MerchantRepository } from '../repositories/merchant.repository.js';
import type { StoreRepository } from '../repositories/store.repository.js';
import type { AuditService } from './audit.service.js';
import type { CachedStoreDirectory } from './store-directory.js';
import type { AccountInput, UserService } from './user.service.js';

/** Store codes that would clash with host names or URL segments. */
export const RESERVED_STORE_CODES = new Set([
  'admin',
  'api',
  'www',
  'static',
  'store',
  'storefront',
  'shared',
  'health',
  'metrics',
  'auth',
  'mail',
]);

export interface NewStoreInput {
  code: string;
  name: string;
  merchantId: string;
  platform: string;
  currency?: string;
  locale?: string;
  owner?: AccountInput;
}

export type StoreSettings = { name?: string; currency?: string; locale?: string };

/** Stores, their status, settings and custom domains. Every change reaches the tenant cache through `changed`. */
export class StoreService {
  constructor(
    private readonly deps: {
      stores: StoreRepository;
      domains: DomainRepository;
      merchants: MerchantRepository;
      memberships: MembershipRepository;
      users: UserService;
      platforms: () => PlatformDirectory;
      directory: CachedStoreDirectory;
      audit: AuditService;
      tx: Transactor;
      publish: (event: string, payload: unknown) => Promise<void>;
    },
  ) {}

  search(
    filter: { q?: string; platform?: string; status?: string },
    page: number,
    pageSize: number,
  ): Promise<Page<Store>> {
    return this.deps.stores.search(filter, page, pageSize);
  }

  /** Any store by code, suspended ones included (admin console). */
  async get(code: string): Promise<Store> {
    const store = await this.deps.stores.byCode(code);
    if (!store) throw storeNotFound(code);
    return store;
  }

  async create(actor: Actor, input: NewStoreInput): Promise<Store> {
    if (RESERVED_STORE_CODES.has(input.code)) throw validation('/code', `"${input.code}" is reserved`, 'reserved');
    if (!(await this.deps.merchants.byId(input.merchantId)))
      throw notFound('WZ_TENANCY_MERCHANT_NOT_FOUND', `No merchant ${input.merchantId}`, {
        merchant: input.merchantId,
      });
    const platform = await this.deps.platforms().get(input.platform);
    if (!platform) throw validation('/platform', `no platform "${input.platform}"`, 'not_one_of');
    // The store and its owner are made together: a refused owner leaves no store behind.
    const owner = input.owner && (await this.deps.users.prepare(input.owner));
    const store = await this.deps.tx.run(async (tx) => {
      const created = await this.insert(input, tx);
      if (owner)
        await this.deps.memberships.insert(
          created.id,
          (await this.deps.users.findOrCreate(owner, tx)).user.id,
          'owner',
          tx,
        );
      return created;
    });
    await this.deps.audit.record(actor, 'store.created', store.code, {
      storeId: store.id,
      details: { merchantId: store.merchantId, platform: store.platform },
    });
    this.deps.directory.changed(store.code);
    await this.deps.publish('tenancy.store-created', { storeId: store.id, code: store.code, platform: store.platform });
    return store;
  }

  private async insert(input: NewStoreInput, tx: Tx): Promise<Store> {
    try {
      return await this.deps.stores.insert(
        {
          code: input.code,
          name: input.name.trim(),
          merchantId: input.merchantId,
          platform: input.platform,
          currency: input.currency ?? 'EUR',
          locale: input.locale ?? 'en',
        },
        tx,
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`A store with the code "${input.code}" already exists`, { code: input.code });
      throw error;
    }
  }

  /** Admin edits: name, merchant, currency, locale. */
  async update(actor: Actor, code: string, patch: StoreSettings & { merchantId?: string }): Promise<Store> {
    const current = await this.get(code);
    if (patch.merchantId && !(await this.deps.merchants.byId(patch.merchantId)))
      throw notFound('WZ_TENANCY_MERCHANT_NOT_FOUND', `No merchant ${patch.merchantId}`, {
        merchant: patch.merchantId,
      });
    return this.apply(actor, current, { ...patch, name: patch.name?.trim() }, 'store.updated');
  }

  /** Store settings edited from the store's own dashboard. */
  async updateSettings(actor: Actor, store: Store, patch: StoreSettings): Promise<Store> {
    return this.apply(actor, store, { ...patch, name: patch.name?.trim() }, 'store.settings-updated');
  }

  async setStatus(actor: Actor, code: string, status: 'active' | 'suspended'): Promise<Store> {
    const current = await this.get(code);
    if (current.status === status) return current;
    return this.apply(actor, current, { status }, status === 'suspended' ? 'store.suspended' : 'store.activated');
  }

  private async apply(
    actor: Actor,
    store: Store,
    patch: Parameters<StoreRepository['update']>[1],
    action: string,
  ): Promise<Store> {
    const updated = (await this.deps.stores.update(store.id, patch))!;
    await this.deps.audit.record(actor, action, store.code, { storeId: store.id, details: patch });
    this.deps.directory.changed(store.code);
    await this.deps.publish('tenancy.store-changed', { storeId: store.id, code: store.code });
    return updated;
  }

  async domains(code: string): Promise<StoreDomain[]> {
    return this.deps.domains.ofStore((await this.get(code)).id);
  }

  /** Adds a custom domain; one that a platform's own host names would answer for is refused. */
  async addDomain(actor: Actor, code: string, rawDomain: string): Promise<StoreDomain> {
    const store = await this.get(code);
    const domain = rawDomain.trim().toLowerCase().replace(/\.$/, '');
    const platforms = await this.deps.platforms().list();
    const clash = platforms.find((p) => p.domain && (domain === p.domain || domain.endsWith(`.${p.domain}`)));
    if (clash)
      throw conflict(
        `${domain} belongs to platform ${clash.code}: its stores already answer at <store>.${clash.domain}`,
        { domain, platform: clash.code },
      );
    let added: StoreDomain;
    try {
      added = await this.deps.domains.insert(store.id, domain);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`${domain} is already in use`, { domain });
      throw error;
    }
    await this.afterDomainChange(actor, store, 'store.domain-added', domain);
    return added;
  }

  async removeDomain(actor: Actor, code: string, domain: string): Promise<void> {
    const store = await this.get(code);
    if (!(await this.deps.domains.remove(store.id, domain.toLowerCase())))
      throw notFound('WZ_TENANCY_DOMAIN_NOT_FOUND', `${store.code} has no domain ${domain}`, { domain });
    await this.afterDomainChange(actor, store, 'store.domain-removed', domain);
  }

  private async afterDomainChange(actor: Actor, store: Store, action: string, domain: string): Promise<void> {
    await this.deps.audit.record(actor, action, store.code, { storeId: store.id, details: { domain } });
    this.deps.directory.changed(store.code);
    await this.deps.publish('tenancy.store-changed', { storeId: store.id, code: store.code });
  }
}
