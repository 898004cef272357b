import type { Knex } from 'knex';
import { createValidator, isUuid, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import {
  idempotencyMismatch,
  invalidState,
  notOffline,
  paymentNotFound,
  providerDeclined,
  providerNotOffered,
  refundExceedsCaptured,
} from '../errors.js';
import type {
  AuthorizeRequest,
  Payment,
  PaymentEvent,
  PaymentEventPayload,
  PaymentProvider,
  PaymentsService,
  PaymentStatus,
  PaymentStepOptions,
  ProviderPaymentView,
  ProviderStepResult,
} from '../index.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type {
  PaymentChange,
  PaymentFilter,
  PaymentRow,
  PaymentsRepository,
} from '../repositories/payments.repository.js';
import authorizeSchema from './schemas/authorize.schema.json' with { type: 'json' };
import type { SettingsService } from './settings.service.js';

const parseAuthorize = createValidator<AuthorizeRequest>(authorizeSchema);

/** The domain events this plugin publishes. */
export type PaymentsEventName =
  'payments.authorized' | 'payments.captured' | 'payments.failed' | 'payments.refunded' | 'payments.cancelled';
export type Publish = (name: PaymentsEventName, payload: PaymentEventPayload) => Promise<void>;

/**
 * What one locked step decided: the payment after it, the event to publish after commit, or the error to throw after
 * commit.
 */
export interface StepOutcome {
  payment: PaymentRow;
  events: PaymentsEventName[];
  error?: Error;
}

export const view = (row: PaymentRow): ProviderPaymentView => ({
  id: row.id,
  storeId: row.storeId,
  orderRef: row.orderRef,
  amount: row.amount,
  currency: row.currency,
  providerReference: row.providerReference,
});

export function publicPayment(row: PaymentRow): Payment {
  const { storeId: _storeId, ...payment } = row;
  return payment;
}

export function eventPayload(row: PaymentRow): PaymentEventPayload {
  return {
    storeId: row.storeId,
    paymentId: row.id,
    orderRef: row.orderRef,
    provider: row.provider,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    capturedAmount: row.capturedAmount,
    refundedAmount: row.refundedAmount,
  };
}

/** Who acts in `ctx`, as the payment history records it: `<kind>:<id>`, `system` for nobody (jobs, seeds). */
export function historyActor(ctx: RequestContext): string {
  const { actor } = ctx;
  return actor.kind === 'anonymous' ? 'system' : `${actor.kind}:${actor.id ?? 'unknown'}`;
}

/** A provider call that never throws: a thrown error becomes a refused step coded `provider_error`. */
async function safely(call: () => Promise<ProviderStepResult>): Promise<ProviderStepResult> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, code: 'provider_error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The payment status machine. Each state change is one transaction: lock the payment row (`select … for update`),
 * check the state, call the provider, write the new state and a history entry; events are published after commit.
 */
export class PaymentsServiceImpl implements PaymentsService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly registry: ProviderRegistry,
    private readonly settings: SettingsService,
    private readonly publish: Publish,
  ) {}

  private transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.repository.db.transaction(work);
  }

  async finish(outcome: StepOutcome): Promise<Payment> {
    for (const name of outcome.events) await this.publish(name, eventPayload(outcome.payment));
    if (outcome.error) throw outcome.error;
    return publicPayment(outcome.payment);
  }

  async authorize(ctx: RequestContext, request: AuthorizeRequest): Promise<Payment> {
    const store = requireStore(ctx);
    const input = parseAuthorize({ ...request });
    const provider = this.registry.get(input.provider);
    if (!(await this.settings.offered(ctx)).includes(provider.code)) throw providerNotOffered(provider.code);
    const actor = input.actor ?? historyActor(ctx);
    const outcome = await this.transaction(async (trx): Promise<StepOutcome> => {
      const created = await this.repository.insertPending(trx, store.id, {
        orderRef: input.orderRef,
        provider: provider.code,
        amount: input.amount,
        currency: input.currency,
        idempotencyKey: input.idempotencyKey ?? null,
      });
      if (!created) {
        // The key was used: the same request gets the same payment back, a different one is refused.
        const existing = (await this.repository.lock(trx, store.id, { idempotencyKey: input.idempotencyKey }))!;
        const same =
          existing.orderRef === input.orderRef &&
          existing.amount === input.amount &&
          existing.currency === input.currency &&
          existing.provider === provider.code;
        if (!same) throw idempotencyMismatch();
        return { payment: existing, events: [] };
      }
      return this.runAuthorize(trx, provider, created, input.input ?? {}, actor);
    });
    return this.finish(outcome);
  }

  private async runAuthorize(
    trx: Knex.Transaction,
    provider: PaymentProvider,
    payment: PaymentRow,
    input: Record<string, unknown>,
    actor: string,
  ): Promise<StepOutcome> {
    let result;
    try {
      result = await provider.authorize({ payment: view(payment), input });
    } catch (error) {
      result = {
        outcome: 'declined' as const,
        code: 'provider_error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    const entry = { type: 'authorize' as const, fromStatus: null, amount: payment.amount, actor };
    if (result.outcome === 'declined') {
      const failed = await this.repository.change(
        trx,
        payment,
        {
          status: 'failed',
          failureCode: result.code,
          failureMessage: result.message,
          providerReference: result.reference ?? null,
        },
        { ...entry, toStatus: 'failed', outcome: result.code, message: result.message },
      );
      return { payment: failed, events: ['payments.failed'] };
    }
    const change: PaymentChange = { status: result.outcome, providerReference: result.reference ?? null };
    if (result.outcome === 'captured') change.capturedAmount = payment.amount;
    const updated = await this.repository.change(trx, payment, change, {
      ...entry,
      toStatus: result.outcome,
      outcome: 'ok',
    });
    const events: PaymentsEventName[] =
      result.outcome === 'authorized'
        ? ['payments.authorized']
        : result.outcome === 'captured'
          ? ['payments.captured']
          : [];
    return { payment: updated, events };
  }

  /** Locks the store's payment or throws 404 (unknown ids, malformed ids and other stores' payments alike). */
  private async locked(trx: Knex.Transaction, storeId: string, paymentId: string): Promise<PaymentRow> {
    const payment = isUuid(paymentId) ? await this.repository.lock(trx, storeId, { id: paymentId }) : undefined;
    if (!payment) throw paymentNotFound();
    return payment;
  }

  /**
   * One locked step: `allowed` states, the provider call, and the change on success. A refused provider call is
   * recorded in the history (committed) and then thrown as 402 `WZ_PAYMENTS_PROVIDER_DECLINED`.
   */
  private async step(
    ctx: RequestContext,
    paymentId: string,
    action: 'capture' | 'refund' | 'cancel',
    options: PaymentStepOptions,
    plan: (
      payment: PaymentRow,
      provider: PaymentProvider,
    ) => {
      amount: number | null;
      call: () => Promise<ProviderStepResult>;
      change: PaymentChange & { status: PaymentStatus };
      events: PaymentsEventName[];
    },
  ): Promise<Payment> {
    const storeId = requireStore(ctx).id;
    const actor = options.actor ?? historyActor(ctx);
    const outcome = await this.transaction(async (trx): Promise<StepOutcome> => {
      const payment = await this.locked(trx, storeId, paymentId);
      const provider = this.registry.get(payment.provider);
      const planned = plan(payment, provider);
      const result = await safely(planned.call);
      const entry = { type: action, fromStatus: payment.status, amount: planned.amount, actor };
      if (!result.ok) {
        await this.repository.record(trx, payment, {
          ...entry,
          toStatus: payment.status,
          outcome: result.code,
          message: result.message,
        });
        return { payment, events: [], error: providerDeclined(action, result.code, result.message) };
      }
      const change: PaymentChange = { ...planned.change };
      if (result.reference && !payment.providerReference) change.providerReference = result.reference;
      const updated = await this.repository.change(trx, payment, change, {
        ...entry,
        toStatus: planned.change.status,
        outcome: 'ok',
      });
      return { payment: updated, events: planned.events };
    });
    return this.finish(outcome);
  }

  capture(ctx: RequestContext, paymentId: string, options: PaymentStepOptions = {}): Promise<Payment> {
    return this.step(ctx, paymentId, 'capture', options, (payment, provider) => {
      const from: PaymentStatus[] = provider.offline ? ['pending', 'authorized'] : ['authorized'];
      if (!from.includes(payment.status)) throw invalidState(payment.status, 'capture');
      return {
        amount: payment.amount,
        call: () => provider.capture({ payment: view(payment), amount: payment.amount }),
        change: { status: 'captured', capturedAmount: payment.amount },
        events: ['payments.captured'],
      };
    });
  }

  /** The store's "mark paid" / "mark collected" for offline providers (bank transfer, cash on delivery). */
  async markPaid(ctx: RequestContext, paymentId: string): Promise<Payment> {
    const payment = isUuid(paymentId) ? await this.repository.byId(requireStore(ctx).id, paymentId) : undefined;
    if (!payment) throw paymentNotFound();
    if (!this.registry.get(payment.provider).offline) throw notOffline(payment.provider);
    return this.capture(ctx, paymentId);
  }

  refund(
    ctx: RequestContext,
    paymentId: string,
    options: PaymentStepOptions & { amount?: number } = {},
  ): Promise<Payment> {
    const { amount } = options;
    return this.step(ctx, paymentId, 'refund', options, (payment, provider) => {
      if (payment.status !== 'captured' && payment.status !== 'partially_refunded')
        throw invalidState(payment.status, 'refund');
      const refundable = payment.capturedAmount - payment.refundedAmount;
      const requested = amount ?? refundable;
      if (!Number.isSafeInteger(requested) || requested <= 0 || requested > refundable)
        throw refundExceedsCaptured(requested, refundable);
      const refunded = payment.refundedAmount + requested;
      return {
        amount: requested,
        call: () => provider.refund({ payment: view(payment), amount: requested }),
        change: {
          status: refunded === payment.capturedAmount ? 'refunded' : 'partially_refunded',
          refundedAmount: refunded,
        },
        events: ['payments.refunded'],
      };
    });
  }

  cancel(ctx: RequestContext, paymentId: string, options: PaymentStepOptions = {}): Promise<Payment> {
    return this.step(ctx, paymentId, 'cancel', options, (payment, provider) => {
      if (payment.status !== 'pending' && payment.status !== 'authorized') throw invalidState(payment.status, 'cancel');
      return {
        amount: null,
        call: () => provider.cancel({ payment: view(payment) }),
        change: { status: 'cancelled' },
        events: ['payments.cancelled'],
      };
    });
  }

  async get(ctx: RequestContext, paymentId: string): Promise<Payment & { events: PaymentEvent[] }> {
    const store = requireStore(ctx);
    const payment = isUuid(paymentId) ? await this.repository.byId(store.id, paymentId) : undefined;
    if (!payment) throw paymentNotFound();
    return { ...payment, events: await this.repository.events(store.id, paymentId) };
  }

  /** The store's payments, newest first, filtered. */
  list(ctx: RequestContext, filter: PaymentFilter): Promise<{ items: Payment[]; total: number }> {
    return this.repository.list(requireStore(ctx).id, filter);
  }

  listForOrder(ctx: RequestContext, orderRef: string): Promise<Payment[]> {
    return this.repository.forOrder(requireStore(ctx).id, orderRef);
  }

  offeredProviders(ctx: RequestContext): Promise<string[]> {
    return this.settings.offered(ctx);
  }
}
