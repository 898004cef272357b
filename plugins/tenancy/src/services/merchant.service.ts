import type { Actor, Merchant, Page } from '../model.js';
import { notFound, refused } from '../errors.js';
import type { MerchantRepository } from '../repositories/merchant.repository.js';
import type { StoreRepository } from '../repositories/store.repository.js';
import type { AuditService } from './audit.service.js';

/** Merchants: the companies that own stores (admin console). */
export class MerchantService {
  constructor(
    private readonly merchants: MerchantRepository,
    private readonly stores: StoreRepository,
    private readonly audit: AuditService,
  ) {}

  list(q: string | undefined, page: number, pageSize: number): Promise<Page<Merchant>> {
    return this.merchants.search(q, page, pageSize);
  }

  async get(id: string): Promise<Merchant> {
    const merchant = await this.merchants.byId(id);
    if (!merchant) throw notFound('WZ_TENANCY_MERCHANT_NOT_FOUND', `No merchant ${id}`, { merchant: id });
    return merchant;
  }

  async create(actor: Actor, input: { name: string; email?: string | null }): Promise<Merchant> {
    const merchant = await this.merchants.insert({
      name: input.name.trim(),
      email: input.email?.trim().toLowerCase() || null,
    });
    await this.audit.record(actor, 'merchant.created', merchant.id, { details: { name: merchant.name } });
    return merchant;
  }

  async update(actor: Actor, id: string, patch: { name?: string; email?: string | null }): Promise<Merchant> {
    const values = {
      name: patch.name?.trim(),
      email: patch.email === undefined ? undefined : patch.email?.trim().toLowerCase() || null,
    };
    const merchant = await this.merchants.update(
      id,
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
    );
    if (!merchant) throw notFound('WZ_TENANCY_MERCHANT_NOT_FOUND', `No merchant ${id}`, { merchant: id });
    await this.audit.record(actor, 'merchant.updated', id, { details: patch });
    return merchant;
  }

  /** Deletes a merchant that owns no stores. */
  async remove(actor: Actor, id: string): Promise<void> {
    const merchant = await this.get(id);
    const stores = await this.stores.countByMerchant(id);
    if (stores > 0)
      throw refused(
        'WZ_TENANCY_MERCHANT_HAS_STORES',
        `${merchant.name} still owns ${stores} store(s); move or delete them first`,
        { merchant: id, stores },
      );
    await this.merchants.remove(id);
    await this.audit.record(actor, 'merchant.deleted', id, { details: { name: merchant.name } });
  }
}
