import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { CatalogVariant, CatalogVariants } from '@wizamart/plugin-catalog';
import { lineUnavailable, shippingUnknown } from '../errors.js';
import type { OrderQuote, OrderQuoteInput, OrderQuoteLine, ShippingOption } from '../index.js';
import type { SettingsRepository } from '../repositories/settings.repository.js';
import { computeTotals } from './order-totals.js';

/** Whether a variant can be sold in the store now: found among the store's live variants, active, in its currency. */
function sellable(variant: CatalogVariant | undefined, currency: string): variant is CatalogVariant {
  return Boolean(variant && variant.productStatus === 'active' && variant.currency === currency);
}

/**
 * Prices orders on the server: unit prices from catalog's current variants of the store, the store's flat shipping
 * rates and its tax setting. Callers pass variant ids and quantities only, so no price can come from a client.
 */
export class PricingService {
  constructor(
    private readonly variants: CatalogVariants,
    private readonly settings: SettingsRepository,
  ) {}

  async shippingOptions(ctx: RequestContext): Promise<ShippingOption[]> {
    const store = requireStore(ctx);
    const rates = await this.settings.rates(store.id);
    return rates.map((rate) => ({ code: rate.code, name: rate.name, amount: rate.amount, currency: store.currency }));
  }

  /** The active rate `code` of the store; 422 `WZ_ORDERS_SHIPPING_UNKNOWN` when there is none. */
  async shippingOption(ctx: RequestContext, code: string): Promise<ShippingOption> {
    const options = await this.shippingOptions(ctx);
    const found = options.find((option) => option.code === code);
    if (!found) throw shippingUnknown(options.length ? code : null);
    return found;
  }

  /**
   * Prices `input` now. Lines keep their order (the same variant may appear twice). 422 `WZ_ORDERS_LINE_UNAVAILABLE`
   * names every variant that is unknown, of another store, deleted, not active or priced in another currency.
   */
  async quote(ctx: RequestContext, input: OrderQuoteInput): Promise<OrderQuote> {
    const store = requireStore(ctx);
    const ids = [...new Set(input.lines.map((line) => line.variantId.toLowerCase()))];
    const [found, tax, shipping] = await Promise.all([
      ids.length ? this.variants.byIds(store.id, ids) : Promise.resolve([]),
      this.settings.tax(store.id),
      input.shippingCode ? this.shippingOption(ctx, input.shippingCode) : Promise.resolve(null),
    ]);
    const byId = new Map(found.map((variant) => [variant.id, variant]));
    const unavailable = ids.filter((id) => !sellable(byId.get(id), store.currency));
    if (unavailable.length) throw lineUnavailable(unavailable);
    const lines = input.lines.map((line): OrderQuoteLine => {
      const variant = byId.get(line.variantId.toLowerCase())!;
      return {
        variantId: variant.id,
        productTitle: variant.productTitle,
        productSlug: variant.productSlug,
        sku: variant.sku,
        optionValues: variant.optionValues,
        quantity: line.quantity,
        unitPrice: variant.price,
        lineTotal: variant.price * line.quantity,
      };
    });
    const totals = computeTotals(
      lines.map((line) => line.lineTotal),
      shipping?.amount ?? 0,
      tax,
    );
    return {
      currency: store.currency,
      lines,
      ...totals,
      taxInclusive: tax.inclusive,
      taxRateBasisPoints: tax.rateBasisPoints,
      shipping,
    };
  }
}
