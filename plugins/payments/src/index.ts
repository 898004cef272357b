import { definePermissions, type RequestContext } from '@wizamart/plugin-sdk';

/** Where a payment is in its life (see README "Status machine"). */
export type PaymentStatus =
  'pending' | 'authorized' | 'captured' | 'partially_refunded' | 'refunded' | 'failed' | 'cancelled';

/** One payment of one order. Amounts are integer minor units of `currency`. */
export interface Payment {
  id: string;
  orderRef: string;
  provider: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  capturedAmount: number;
  refundedAmount: number;
  /** The provider's own id for the payment, when it gave one (webhooks may name the payment by it). */
  providerReference: string | null;
  /** Why the payment failed (e.g. `card_declined`), for `failed` payments. */
  failureCode: string | null;
  failureMessage: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One entry of a payment's history: every attempt, successful or not, and every webhook applied. */
export interface PaymentEvent {
  id: string;
  type: 'authorize' | 'capture' | 'refund' | 'cancel' | 'webhook';
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus;
  amount: number | null;
  /** `ok` when the step changed the payment as asked, else the failure code. */
  outcome: string;
  message: string | null;
  actor: string;
  createdAt: Date;
}

/** What `authorize` asks for. */
export interface AuthorizeRequest {
  /** The caller's reference of the order (order id or number). */
  orderRef: string;
  /** Integer minor units, > 0. */
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Code of a registered provider the store offers. */
  provider: string;
  /** Provider-specific input (the `test` provider reads `cardNumber`). Never stored. */
  input?: Record<string, unknown>;
  /** Same key in the same store → the same payment back, without a second provider call. */
  idempotencyKey?: string;
  /** Who asks (history); default: the context's actor (`staff:<id>`, `customer:<id>`; `system` when anonymous). */
  actor?: string;
}

/**
 * Options of a step on an existing payment. `actor` records the step for someone other than the context's actor
 * (e.g. a placement resumed by a job for the shopper who started it); default: the context's actor.
 */
export interface PaymentStepOptions {
  actor?: string;
}

/** What a provider answers to `authorize`. `declined` ends the payment as `failed` with `code`. */
export type ProviderAuthorizeResult =
  | { outcome: 'pending' | 'authorized' | 'captured'; reference?: string }
  | { outcome: 'declined'; code: string; message: string; reference?: string };

/** What a provider answers to `capture`, `refund` and `cancel`. */
export type ProviderStepResult = { ok: true; reference?: string } | { ok: false; code: string; message: string };

/** The payment as a provider sees it in a call. */
export interface ProviderPaymentView {
  id: string;
  storeId: string;
  orderRef: string;
  amount: number;
  currency: string;
  providerReference: string | null;
}

/**
 * A payment provider. Register it through `PaymentsServices.providers`; calls run inside the payment's row lock, so
 * one payment never sees two concurrent calls. A thrown error is recorded as a failed attempt (`provider_error`)
 * without changing what was already captured or refunded.
 *
 * @example
 * // deps: { providers: PaymentsServices.providers } in definePlugin
 * deps.providers.register({
 *   code: 'acme-pay', name: 'Acme Pay',
 *   authorize: async ({ payment, input }) => ({
 *     outcome: 'authorized',
 *     reference: await acme.hold(payment.amount, input),
 *   }),
 *   capture: async ({ payment }) => ({ ok: true }),
 *   refund: async ({ payment, amount }) => ({ ok: true }),
 *   cancel: async ({ payment }) => ({ ok: true }),
 * });
 */
export interface PaymentProvider {
  /** `^[a-z][a-z0-9-]{1,38}$`, unique; also the webhook path segment. */
  code: string;
  /** Shown to store staff (settings, payment list). */
  name: string;
  /**
   * Offline providers (bank transfer, cash) are settled by the store: "mark paid" captures a `pending` or
   * `authorized` payment of theirs.
   */
  offline?: boolean;
  authorize(call: { payment: ProviderPaymentView; input: Record<string, unknown> }): Promise<ProviderAuthorizeResult>;
  capture(call: { payment: ProviderPaymentView; amount: number }): Promise<ProviderStepResult>;
  refund(call: { payment: ProviderPaymentView; amount: number }): Promise<ProviderStepResult>;
  cancel(call: { payment: ProviderPaymentView }): Promise<ProviderStepResult>;
}

/** `PaymentsServices.providers`: the provider registry; third-party plugins add theirs in `register`. */
export interface PaymentProviders {
  /**
   * Adds a provider; 409 `WZ_PAYMENTS_PROVIDER_TAKEN` when the code is registered already,
   * `WZ_PLUGIN_INVALID_ARGUMENT` for a bad code or a missing method.
   */
  register(provider: PaymentProvider): void;
  /** Registered providers (code and name), in registration order. */
  list(): Array<{ code: string; name: string; offline: boolean }>;
}

/**
 * `PaymentsServices.payments`: what orders and checkout call, for the store of the request context (404
 * `WZ_TENANCY_STORE_NOT_FOUND` without one). Every state change runs in one transaction holding the
 * payment's row lock, so concurrent calls never capture or refund twice. A declined or erroring authorization is
 * not thrown: the payment comes back `failed` with `failureCode`.
 */
export interface PaymentsService {
  authorize(ctx: RequestContext, request: AuthorizeRequest): Promise<Payment>;
  /** Captures an `authorized` payment (offline providers also `pending`): 409 `WZ_PAYMENTS_INVALID_STATE` otherwise. */
  capture(ctx: RequestContext, paymentId: string, options?: PaymentStepOptions): Promise<Payment>;
  /**
   * Refunds `options.amount` (default: all that is left); 409 `WZ_PAYMENTS_REFUND_EXCEEDS_CAPTURED` beyond what was
   * captured.
   */
  refund(ctx: RequestContext, paymentId: string, options?: PaymentStepOptions & { amount?: number }): Promise<Payment>;
  /** Cancels a `pending` or `authorized` payment. */
  cancel(ctx: RequestContext, paymentId: string, options?: PaymentStepOptions): Promise<Payment>;
  /** 404 `WZ_PAYMENTS_NOT_FOUND` for unknown ids and other stores' payments. */
  get(ctx: RequestContext, paymentId: string): Promise<Payment & { events: PaymentEvent[] }>;
  listForOrder(ctx: RequestContext, orderRef: string): Promise<Payment[]>;
  /** Provider codes the store offers to shoppers (registered ones only). */
  offeredProviders(ctx: RequestContext): Promise<string[]>;
}

/** The payload of `payments.authorized`, `payments.captured`, `payments.failed`, `payments.refunded`. */
export interface PaymentEventPayload {
  storeId: string;
  paymentId: string;
  orderRef: string;
  provider: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  capturedAmount: number;
  refundedAmount: number;
}

export { PaymentsServices } from './tokens.js';

/** Permissions the payments plugin declares (store surface). */
export const PAYMENTS_PERMISSIONS = definePermissions('payments', {
  view: 'payments.view',
  manage: 'payments.manage',
  settingsManage: 'payments.settings-manage',
});

/** The signature header of webhook deliveries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const PAYMENTS_SIGNATURE_HEADER = 'wizamart-signature';
