import { hostErrors, createValidator } from '@wizamart/plugin-sdk';
import { paymentNotFound, signatureInvalid, webhookInvalid } from '../errors.js';
import type { PaymentStatus } from '../index.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { PaymentChange, PaymentRow, PaymentsRepository } from '../repositories/payments.repository.js';
import { verifySignature } from '../signature.js';
import webhookSchema from './schemas/webhook.schema.json' with { type: 'json' };
import type { PaymentsEventName, PaymentsServiceImpl, StepOutcome } from './payments.service.js';
import type { SettingsService } from './settings.service.js';

/** The webhook envelope (README "Webhooks"). */
export interface WebhookEvent {
  id: string;
  store: string;
  type: 'payment.authorized' | 'payment.captured' | 'payment.failed' | 'payment.refunded' | 'payment.cancelled';
  payment?: string;
  reference?: string;
  amount?: number;
  code?: string;
  message?: string;
}

const parseEnvelope = createValidator<WebhookEvent>(webhookSchema);

/**
 * What a delivery did: `applied` (one state change), `duplicate` (event id seen before) or `ignored` (not a valid
 * transition now).
 */
export interface WebhookResult {
  received: true;
  result: 'applied' | 'duplicate' | 'ignored';
  paymentId?: string;
  status?: PaymentStatus;
}

/** The store lookup the webhook needs (tenancy's store directory, and the platform enablement check). */
export interface WebhookStores {
  byCode(code: string): Promise<{ id: string; platform: string } | undefined>;
  enabled(platform: string): boolean;
}

/** The transition a webhook event asks for, or undefined when the payment's state does not allow it. */
function transition(
  event: WebhookEvent,
  payment: PaymentRow,
):
  | { change: PaymentChange & { status: PaymentStatus }; amount: number | null; events: PaymentsEventName[] }
  | undefined {
  switch (event.type) {
    case 'payment.authorized':
      return payment.status === 'pending'
        ? { change: { status: 'authorized' }, amount: payment.amount, events: ['payments.authorized'] }
        : undefined;
    case 'payment.captured':
      return payment.status === 'pending' || payment.status === 'authorized'
        ? {
            change: { status: 'captured', capturedAmount: payment.amount },
            amount: payment.amount,
            events: ['payments.captured'],
          }
        : undefined;
    case 'payment.failed':
      return payment.status === 'pending' || payment.status === 'authorized'
        ? {
            change: {
              status: 'failed',
              failureCode: event.code ?? 'provider_failed',
              failureMessage: event.message ?? null,
            },
            amount: null,
            events: ['payments.failed'],
          }
        : undefined;
    case 'payment.cancelled':
      return payment.status === 'pending' || payment.status === 'authorized'
        ? { change: { status: 'cancelled' }, amount: null, events: ['payments.cancelled'] }
        : undefined;
    case 'payment.refunded': {
      if (payment.status !== 'captured' && payment.status !== 'partially_refunded') return undefined;
      const refundable = payment.capturedAmount - payment.refundedAmount;
      const amount = event.amount ?? refundable;
      if (amount > refundable) return undefined;
      const refunded = payment.refundedAmount + amount;
      return {
        change: {
          status: refunded === payment.capturedAmount ? 'refunded' : 'partially_refunded',
          refundedAmount: refunded,
        },
        amount,
        events: ['payments.refunded'],
      };
    }
  }
}

/**
 * Signed webhook deliveries at `/api/v1/shared/payments/webhooks/<provider>`. The payload names the store; the
 * signature over the exact raw bytes is checked with that store's secret before anything else is read from it. The
 * event id is claimed in the same transaction as the state change, so a delivery repeated (even concurrently)
 * changes the payment once.
 */
export class WebhooksService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly registry: ProviderRegistry,
    private readonly settings: SettingsService,
    private readonly payments: PaymentsServiceImpl,
    private readonly stores: WebhookStores,
    private readonly toleranceSeconds: number,
  ) {}

  async deliver(providerCode: string, rawBody: Buffer, signature: string | undefined): Promise<WebhookResult> {
    const provider = this.registry.get(providerCode);
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw webhookInvalid('the body is not JSON');
    }
    const storeCode =
      json && typeof json === 'object' && typeof (json as { store?: unknown }).store === 'string'
        ? (json as { store: string }).store
        : undefined;
    if (!storeCode) throw webhookInvalid('the body does not name the store ("store")');
    // An unknown store answers like a wrong signature, so deliveries cannot probe which stores exist.
    const store = await this.stores.byCode(storeCode);
    if (!store) throw signatureInvalid();
    verifySignature({
      secret: await this.settings.secret(store.id),
      header: signature,
      rawBody,
      toleranceSeconds: this.toleranceSeconds,
    });
    if (!this.stores.enabled(store.platform)) {
      throw hostErrors.WZ_PLUGIN_DISABLED({ plugin: 'payments' });
    }
    let event: WebhookEvent;
    try {
      event = parseEnvelope(json);
    } catch (error) {
      throw webhookInvalid(error instanceof Error ? error.message : 'invalid payload');
    }
    if (!event.payment && !event.reference)
      throw webhookInvalid('name the payment by "payment" (its id) or "reference" (the provider reference)');
    const outcome = await this.repository.db.transaction(
      async (trx): Promise<(StepOutcome & { result: WebhookResult }) | { result: WebhookResult }> => {
        if (
          !(await this.repository.claimWebhookEvent(trx, {
            provider: provider.code,
            eventId: event.id,
            storeId: store.id,
            type: event.type,
          }))
        ) {
          return { result: { received: true, result: 'duplicate' } };
        }
        const payment = await this.repository.lock(
          trx,
          store.id,
          event.payment
            ? { id: event.payment, provider: provider.code }
            : { provider: provider.code, providerReference: event.reference },
        );
        // Rolls the claim back too, so the provider's retry is processed once the payment exists.
        if (!payment) throw paymentNotFound();
        const planned = transition(event, payment);
        const actor = `webhook:${provider.code}:${event.id}`;
        if (!planned) {
          await this.repository.finishWebhookEvent(
            trx,
            provider.code,
            event.id,
            payment.id,
            `ignored:${payment.status}`,
          );
          return { result: { received: true, result: 'ignored', paymentId: payment.id, status: payment.status } };
        }
        const updated = await this.repository.change(trx, payment, planned.change, {
          type: 'webhook',
          fromStatus: payment.status,
          toStatus: planned.change.status,
          amount: planned.amount,
          outcome: 'ok',
          message: event.type,
          actor,
        });
        await this.repository.finishWebhookEvent(trx, provider.code, event.id, payment.id, 'applied');
        return {
          payment: updated,
          events: planned.events,
          result: { received: true, result: 'applied', paymentId: updated.id, status: updated.status },
        };
      },
    );
    if ('payment' in outcome) await this.payments.finish(outcome);
    return outcome.result;
  }
}
