import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { CustomerAddress, CustomerDirectory } from '@wizamart/plugin-customers';
import type { OrderQuote, OrdersService, ShippingOption } from '@wizamart/plugin-orders';
import type { PaymentProviders, PaymentsService } from '@wizamart/plugin-payments';
import { paymentUnavailable, shippingUnavailable } from '../errors.js';
import type { CheckoutFillStep, CheckoutState } from '../index.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { StepInputs } from '../routes/validators.js';
import type { SessionData } from '../model.js';
import { keepValid, progress, requireStepsBefore, type StepOptions } from './steps.js';

/** What the store offers at the shipping and payment steps. */
export interface CheckoutOptions {
  shipping: ShippingOption[];
  providers: Array<{ code: string; name: string; offline: boolean }>;
}

/** What a signed-in customer's forms start with. */
export interface Prefill {
  email: string | null;
  addresses: CustomerAddress[];
}

/** A checkout's state with the options it was checked against. */
export interface StateAndOptions {
  state: CheckoutState;
  options: CheckoutOptions;
}

type QuoteLine = { variantId: string; quantity: number };

const stepOptions = (options: CheckoutOptions): StepOptions => ({
  shippingCodes: options.shipping.map((option) => option.code),
  providers: options.providers.map((provider) => provider.code),
});

/**
 * The checkout steps of a cart of the context's store: read, save (in order, validated against what the store
 * offers now), review.
 */
export class CheckoutService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly providers: PaymentProviders,
    private readonly customers: CustomerDirectory,
  ) {}

  /** The store's shipping rates and the payment providers it offers (registered ones, in the store's order). */
  async options(ctx: RequestContext): Promise<CheckoutOptions> {
    const [shipping, offered] = await Promise.all([
      this.orders.shippingOptions(ctx),
      this.payments.offeredProviders(ctx),
    ]);
    const registered = new Map(this.providers.list().map((provider) => [provider.code, provider]));
    return { shipping, providers: offered.flatMap((code) => (registered.has(code) ? [registered.get(code)!] : [])) };
  }

  /** The cart's checkout, with what is no longer valid read as missing. */
  async state(ctx: RequestContext, cartId: string, options?: CheckoutOptions): Promise<StateAndOptions> {
    const known = options ?? (await this.options(ctx));
    const data = keepValid(await this.sessions.find(requireStore(ctx).id, cartId), stepOptions(known));
    return { state: { cartId, ...data, ...progress(data, stepOptions(known)) }, options: known };
  }

  /**
   * Saves one step: 409 `WZ_CHECKOUT_STEP_INCOMPLETE` while an earlier step is missing, 422 for a shipping code or
   * provider the store does not offer. Later steps keep their data while it is still valid.
   */
  async update<S extends CheckoutFillStep>(
    ctx: RequestContext,
    cartId: string,
    step: S,
    input: StepInputs[S],
  ): Promise<StateAndOptions> {
    const store = requireStore(ctx);
    const options = await this.options(ctx);
    const current = keepValid(await this.sessions.find(store.id, cartId), stepOptions(options));
    requireStepsBefore(step, current, stepOptions(options));
    const next = keepValid({ ...current, ...this.apply(step, input, options) }, stepOptions(options));
    await this.sessions.save(store.id, cartId, next);
    return { state: { cartId, ...next, ...progress(next, stepOptions(options)) }, options };
  }

  /**
   * The data of a cart whose every step is complete; 409 `WZ_CHECKOUT_STEP_INCOMPLETE` naming the first missing one.
   */
  async complete(ctx: RequestContext, cartId: string): Promise<{ data: SessionData; options: CheckoutOptions }> {
    const options = await this.options(ctx);
    const data = keepValid(await this.sessions.find(requireStore(ctx).id, cartId), stepOptions(options));
    requireStepsBefore('review', data, stepOptions(options));
    return { data, options };
  }

  /** The server's quote of `lines` with the chosen shipping (prices from the catalog, shipping and tax from orders). */
  quote(ctx: RequestContext, lines: ReadonlyArray<QuoteLine>, shippingCode: string | null): Promise<OrderQuote> {
    const quoted = lines.map(({ variantId, quantity }) => ({ variantId, quantity }));
    return this.orders.quote(ctx, { lines: quoted, shippingCode });
  }

  /** The signed-in customer's email and saved addresses (default first), to start the forms with. */
  async prefill(ctx: RequestContext): Promise<Prefill> {
    const { actor } = ctx;
    if (actor.kind !== 'customer' || !actor.id) return { email: null, addresses: [] };
    const addresses = await this.customers.savedAddresses(requireStore(ctx).id, actor.id);
    return { email: actor.email ?? null, addresses };
  }

  private apply<S extends CheckoutFillStep>(
    step: S,
    input: StepInputs[S],
    options: CheckoutOptions,
  ): Partial<SessionData> {
    switch (step) {
      case 'contact':
        return { email: (input as StepInputs['contact']).email };
      case 'address': {
        const { shippingAddress, billingSameAsShipping, billingAddress } = input as StepInputs['address'];
        return {
          shippingAddress,
          billingSameAsShipping,
          billingAddress: billingSameAsShipping ? null : (billingAddress ?? null),
        };
      }
      case 'shipping': {
        const { code } = input as StepInputs['shipping'];
        if (!options.shipping.some((option) => option.code === code)) throw shippingUnavailable(code);
        return { shippingCode: code };
      }
      default: {
        const { provider } = input as StepInputs['payment'];
        if (!options.providers.some((offered) => offered.code === provider)) throw paymentUnavailable(provider);
        return { paymentProvider: provider };
      }
    }
  }
}
