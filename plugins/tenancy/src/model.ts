import type { Store } from './index.js';

/** Internal record types of the tenancy plugin (not part of its public surface). */

export type { Store };

export interface Merchant {
  id: string;
  name: string;
  email: string | null;
  storeCount?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoreDomain {
  domain: string;
  storeId: string;
  createdAt: Date;
}

export interface User {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  createdAt: Date;
}

/** A user with the password hash, for sign-in only. */
export interface UserCredentials extends User {
  passwordHash: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
}

export interface CustomRole {
  id: string;
  storeId: string;
  name: string;
  permissions: string[];
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  actorKind: string | null;
  storeId: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Who performs an action (the request's principal), as services see it. */
export interface Actor {
  kind: 'admin' | 'staff' | 'customer' | 'system';
  id: string | null;
  email: string | null;
  permissions: ReadonlySet<string>;
  role?: string;
}
