import type { StoreRef as SdkStoreRef } from '@wizamart/plugin-sdk';
import type { CustomerProfile } from '../index.js';
import type { CustomerRecord } from '../repositories/customer.repository.js';

/** The slice of the SDK's StoreRef customers services need (routes pass `requireStore(contextOf(req))`). */
export type StoreRef = Pick<SdkStoreRef, 'id' | 'code'>;

/** A customer without what must never leave the plugin (the password hash) or the caller knows already (store). */
export function toProfile(record: CustomerRecord): CustomerProfile {
  return { id: record.id, email: record.email, name: record.name, phone: record.phone, createdAt: record.createdAt };
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export { isUuid } from '@wizamart/plugin-sdk';
