import { createRequestContext, isUuid } from '@wizamart/plugin-sdk';
import type { PaymentEventPayload } from '@wizamart/plugin-payments';
import type { PluginContext, PluginDirectory } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { OrderActions } from './order-actions.service.js';

const EVENTS = ['payments.captured', 'payments.refunded', 'payments.failed', 'payments.cancelled'];

/**
 * Follows payments: a payment whose `orderRef` is an order id of its store moves that order (captured → paid, refunded
 * in full → refunded, failed or cancelled while waiting → cancelled). Payments of other references (e.g. `DEMO-1001`)
 * and stores where orders is turned off are ignored. A handler that fails is only logged by the host, which is why
 * the `reconcile-payments` job exists.
 */
export function subscribeToPayments(
  plugin: Pick<PluginContext, 'events' | 'plugin'>,
  deps: { stores: StoreDirectory; plugins: PluginDirectory; actions: OrderActions },
): void {
  const handle = async (payload: PaymentEventPayload) => {
    if (!isUuid(payload.orderRef)) return;
    const store = await deps.stores.byId(payload.storeId);
    if (!store || !deps.plugins.isEnabled(store.platform, plugin.plugin.code)) return;
    // An event has no request: the context names the store only (no storefront URL).
    const ctx = createRequestContext({ store: { ...store, base: '' } });
    const { paymentId: id, status, provider } = payload;
    const payment = { id, orderRef: payload.orderRef.toLowerCase(), status, provider };
    await deps.actions.applyPayment(ctx, payment);
  };
  for (const name of EVENTS) plugin.events.subscribe<PaymentEventPayload>(name, handle);
}
