import type { CustomerProfile } from '../index.js';
import type { CustomerRecord } from '../repositories/customer.repository.js';

/** The store a service call works for, always taken from the request's resolved tenant (never from client input). */
export interface StoreRef {
  id: string;
  code: string;
}

/** A customer without what must never leave the plugin (the password hash) or the caller knows already (store). */
export function toProfile(record: CustomerRecord): CustomerProfile {
  return { id: record.id, email: record.email, name: record.name, phone: record.phone, createdAt: record.createdAt };
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export { isUuid } from '@wizamart/plugin-sdk';
