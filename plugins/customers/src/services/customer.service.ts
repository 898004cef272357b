import { customerNotFound } from '../errors.js';
import type { CustomerAddress, CustomerDirectory, CustomerProfile } from '../index.js';
import type { AddressRecord, AddressRepository } from '../repositories/address.repository.js';
import type { CustomerRepository } from '../repositories/customer.repository.js';
import type { ProfilePatch } from '../validators.js';
import { isUuid, toProfile, type StoreRef } from './profile.js';

/** A customer with their addresses, as the store dashboard shows them. */
export interface CustomerDetail extends CustomerProfile {
  lastLoginAt: Date | null;
  addresses: AddressRecord[];
}

/** A page of a store's customers. */
export interface CustomerPage {
  items: Array<CustomerProfile & { lastLoginAt: Date | null }>;
  total: number;
  page: number;
  pageSize: number;
}

/** Customers of a store: the staff list and detail, profile changes, and the directory other plugins read. */
export class CustomerService implements CustomerDirectory {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly addresses: AddressRepository,
  ) {}

  async list(store: StoreRef, filter: { q?: string; page: number; pageSize: number }): Promise<CustomerPage> {
    const { items, total } = await this.customers.search(store.id, {
      q: filter.q,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    return {
      items: items.map((item) => ({ ...toProfile(item), lastLoginAt: item.lastLoginAt })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  async savedAddresses(storeId: string, customerId: string): Promise<CustomerAddress[]> {
    if (!isUuid(customerId)) return [];
    return (await this.addresses.list(storeId, customerId)).map(
      ({ createdAt: _created, updatedAt: _updated, ...address }) => address,
    );
  }

  async detail(store: StoreRef, id: string): Promise<CustomerDetail> {
    const customer = isUuid(id) ? await this.customers.byId(store.id, id) : undefined;
    if (!customer) throw customerNotFound();
    return {
      ...toProfile(customer),
      lastLoginAt: customer.lastLoginAt,
      addresses: await this.addresses.list(store.id, id),
    };
  }

  async updateProfile(store: StoreRef, id: string, patch: ProfilePatch): Promise<CustomerProfile> {
    const patched = isUuid(id)
      ? await this.customers.update(store.id, id, {
          name: patch.name?.trim(),
          phone: patch.phone === undefined ? undefined : patch.phone || null,
        })
      : undefined;
    if (!patched) throw customerNotFound();
    return toProfile(patched);
  }

  async byId(storeId: string, id: string): Promise<CustomerProfile | undefined> {
    const customer = isUuid(storeId) && isUuid(id) ? await this.customers.byId(storeId, id) : undefined;
    return customer && toProfile(customer);
  }
}
