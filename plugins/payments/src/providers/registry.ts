import { WizamartError } from '@wizamart/plugin-sdk';
import { providerTaken, providerUnknown } from '../errors.js';
import type { PaymentProvider, PaymentProviders } from '../index.js';

const CODE = /^[a-z][a-z0-9-]{1,38}$/;

/** The providers of this process, built-in ones first, then those other plugins register. */
export class ProviderRegistry implements PaymentProviders {
  private readonly providers = new Map<string, PaymentProvider>();

  register(provider: PaymentProvider): void {
    if (!provider || typeof provider.code !== 'string' || !CODE.test(provider.code)) {
      const problems = [{ path: '/code', message: 'must match ^[a-z][a-z0-9-]{1,38}$' }];
      throw new WizamartError('WZ_VALIDATION', 'Invalid input: /code must match ^[a-z][a-z0-9-]{1,38}$', { status: 400, details: { problems } });
    }
    for (const method of ['authorize', 'capture', 'refund', 'cancel'] as const) {
      if (typeof provider[method] !== 'function') {
        const problems = [{ path: `/${method}`, message: 'must be a function' }];
        throw new WizamartError('WZ_VALIDATION', `Invalid input: /${method} must be a function`, { status: 400, details: { problems } });
      }
    }
    if (this.providers.has(provider.code)) throw providerTaken(provider.code);
    this.providers.set(provider.code, provider);
  }

  list(): Array<{ code: string; name: string; offline: boolean }> {
    return [...this.providers.values()].map((provider) => ({ code: provider.code, name: provider.name, offline: provider.offline === true }));
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
