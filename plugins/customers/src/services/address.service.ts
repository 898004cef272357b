import { addressNotFound } from '../errors.js';
import type { AddressFields, AddressRecord, AddressRepository } from '../repositories/address.repository.js';
import { isUuid, type StoreRef } from './profile.js';

/** A customer's addresses; the first one becomes the default, and only one is the default at a time. */
export class AddressService {
  constructor(private readonly addresses: AddressRepository) {}

  list(store: StoreRef, customerId: string): Promise<AddressRecord[]> {
    return this.addresses.list(store.id, customerId);
  }

  async create(store: StoreRef, customerId: string, fields: AddressFields): Promise<AddressRecord> {
    const first = (await this.addresses.count(store.id, customerId)) === 0;
    const saved = await this.addresses.save(store.id, customerId, { ...fields, isDefault: fields.isDefault || first });
    return saved!;
  }

  async update(store: StoreRef, customerId: string, id: string, patch: Partial<AddressFields>): Promise<AddressRecord> {
    const saved = isUuid(id) ? await this.addresses.save(store.id, customerId, patch, id) : undefined;
    if (!saved) throw addressNotFound();
    return saved;
  }

  async delete(store: StoreRef, customerId: string, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.addresses.delete(store.id, customerId, id))) throw addressNotFound();
  }
}
