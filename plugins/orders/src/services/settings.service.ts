import { rateCodeTaken, rateNotFound } from '../errors.js';
import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { ShippingRateInput } from '../model.js';
import {
  UNIQUE_VIOLATION,
  type SettingsRepository,
  type ShippingRateRecord,
} from '../repositories/settings.repository.js';

/** What the settings page and API show. */
export interface OrdersSettingsView {
  currency: string;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
  /** Every rate, active or not, in display order. */
  shippingRates: ShippingRateRecord[];
}

/** A store's tax setting and its shipping rates (permission `orders.settings-manage`). */
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  async view(ctx: RequestContext): Promise<OrdersSettingsView> {
    const store = requireStore(ctx);
    const [tax, rates] = await Promise.all([this.settings.tax(store.id), this.settings.rates(store.id, true)]);
    return {
      currency: store.currency,
      taxRateBasisPoints: tax.rateBasisPoints,
      taxInclusive: tax.inclusive,
      shippingRates: rates,
    };
  }

  async saveTax(
    ctx: RequestContext,
    input: { taxRateBasisPoints: number; taxInclusive: boolean },
  ): Promise<OrdersSettingsView> {
    const tax = { rateBasisPoints: input.taxRateBasisPoints, inclusive: input.taxInclusive };
    await this.settings.saveTax(requireStore(ctx).id, tax);
    return this.view(ctx);
  }

  async createRate(ctx: RequestContext, input: ShippingRateInput): Promise<ShippingRateRecord> {
    const created = await this.settings.insertRate(requireStore(ctx).id, input);
    if (!created) throw rateCodeTaken(input.code);
    return created;
  }

  async updateRate(ctx: RequestContext, id: string, patch: Partial<ShippingRateInput>): Promise<ShippingRateRecord> {
    const store = requireStore(ctx);
    if (patch.code !== undefined) {
      const other = (await this.settings.rates(store.id, true)).find(
        (rate) => rate.code === patch.code && rate.id !== id,
      );
      if (other) throw rateCodeTaken(patch.code);
    }
    try {
      const updated = await this.settings.updateRate(store.id, id, patch);
      if (!updated) throw rateNotFound();
      return updated;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw rateCodeTaken(patch.code ?? '');
      throw error;
    }
  }

  async deleteRate(ctx: RequestContext, id: string): Promise<void> {
    if (!(await this.settings.deleteRate(requireStore(ctx).id, id))) throw rateNotFound();
  }
}
