import { hostErrors } from '@wizamart/plugin-sdk';
import { providerTaken, providerUnknown } from '../errors.js';
import type { PaymentProvider, PaymentProviders } from '../index.js';

const CODE = /^[a-z][a-z0-9-]{1,38}$/;

/** A provider another plugin registers is wrong: a bug in that plugin, reported as the payments API saw it. */
function invalidProvider(problem: string) {
  return hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: 'payments', problem });
}

/** The providers of this process, built-in ones first, then those other plugins register. */
export class ProviderRegistry implements PaymentProviders {
  private readonly providers = new Map<string, PaymentProvider>();

  register(provider: PaymentProvider): void {
    if (!provider || typeof provider.code !== 'string' || !CODE.test(provider.code)) {
      throw invalidProvider('a payment provider code is 2 to 39 lower-case letters, digits and -, from a letter');
    }
    for (const method of ['authorize', 'capture', 'refund', 'cancel'] as const) {
      if (typeof provider[method] !== 'function') {
        throw invalidProvider(`payment provider "${provider.code}" has no ${method} function`);
      }
    }
    if (this.providers.has(provider.code)) throw providerTaken(provider.code);
    this.providers.set(provider.code, provider);
  }

  list(): Array<{ code: string; name: string; offline: boolean }> {
    return [...this.providers.values()].map((provider) => ({
      code: provider.code,
      name: provider.name,
      offline: provider.offline === true,
    }));
  }

  has(code: string): boolean {
    return this.providers.has(code);
  }

  /** The provider, or 404 `WZ_PAYMENTS_PROVIDER_UNKNOWN`. */
  get(code: string): PaymentProvider {
    const provider = this.providers.get(code);
    if (!provider) throw providerUnknown(code);
    return provider;
  }
}
