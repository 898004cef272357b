import { randomBytes } from 'node:crypto';
import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { ProviderRegistry } from '../providers/registry.js';
import type { SettingsRepository } from '../repositories/settings.repository.js';

/** A new webhook secret: `whsec_` and 32 random bytes, base64url. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** What the settings API and page show: never the secret itself, only its last four characters. */
export interface SettingsView {
  providers: string[];
  usesDefault: boolean;
  available: Array<{ code: string; name: string; offline: boolean }>;
  webhookSecretHint: string;
  secretRotatedAt: Date;
}

/** Per-store payment settings: offered providers and the webhook signing secret. */
export class SettingsService {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly registry: ProviderRegistry,
    private readonly defaults: string[],
  ) {}

  /** Every registered provider (code, name, offline). */
  providers(): Array<{ code: string; name: string; offline: boolean }> {
    return this.registry.list();
  }

  /** Offered provider codes: the store's choice, else the platform default; only registered providers count. */
  async offered(ctx: RequestContext): Promise<string[]> {
    const row = await this.repository.find(requireStore(ctx).id);
    return (row?.providers ?? this.defaults).filter((code) => this.registry.has(code));
  }

  async view(ctx: RequestContext): Promise<SettingsView> {
    const row = await this.repository.ensure(requireStore(ctx).id, newSecret());
    return {
      providers: (row.providers ?? this.defaults).filter((code) => this.registry.has(code)),
      usesDefault: row.providers === null,
      available: this.registry.list(),
      webhookSecretHint: `whsec_…${row.webhookSecret.slice(-4)}`,
      secretRotatedAt: row.secretRotatedAt,
    };
  }

  /** Sets the offered providers; every code must be registered (404 `WZ_PAYMENTS_PROVIDER_UNKNOWN`). */
  async setProviders(ctx: RequestContext, providers: string[]): Promise<SettingsView> {
    for (const code of providers) this.registry.get(code);
    await this.repository.setProviders(requireStore(ctx).id, [...new Set(providers)], newSecret());
    return this.view(ctx);
  }

  /** A new secret, returned this once; deliveries signed with the old one fail from now on. */
  async rotateSecret(ctx: RequestContext): Promise<{ webhookSecret: string; secretRotatedAt: Date }> {
    const store = requireStore(ctx);
    const secret = newSecret();
    await this.repository.rotateSecret(store.id, secret);
    const row = await this.repository.find(store.id);
    return { webhookSecret: secret, secretRotatedAt: row!.secretRotatedAt };
  }

  /** The store's signing secret (created on first use). */
  async secret(storeId: string): Promise<string> {
    return (await this.repository.ensure(storeId, newSecret())).webhookSecret;
  }
}
