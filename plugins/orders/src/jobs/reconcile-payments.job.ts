import { createRequestContext, type JobRun } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { OrderRepository } from '../repositories/order.repository.js';
import type { OrderActions } from '../services/order-actions.service.js';

/** How far back the job looks for orders waiting for payment, and how many it checks per run. */
export const RECONCILE_WINDOW_DAYS = 30;
export const RECONCILE_BATCH = 500;

interface Logger {
  warn(object: Record<string, unknown>, message: string): void;
}

/**
 * `orders.reconcile-payments`: payments events are in-process and a failing handler is only logged, so an order may
 * miss its payment's news. Every few minutes this reads the payment of each order still `pending_payment` (placed in
 * the last 30 days, in the stores of the job's platform) and applies it: captured → paid, refunded → paid → refunded,
 * failed or cancelled → cancelled with its stock given back. Safe to run twice: every change is idempotent.
 */
export function reconcilePaymentsJob(deps: {
  stores: StoreDirectory;
  orders: OrderRepository;
  actions: OrderActions;
  logger: Logger;
}) {
  return async (job: JobRun): Promise<void> => {
    const stores = new Map((await deps.stores.list({ platform: job.platform })).map((store) => [store.id, store]));
    const since = new Date(Date.now() - RECONCILE_WINDOW_DAYS * 24 * 3600 * 1000);
    const pending = await deps.orders.pendingPayment([...stores.keys()], since, RECONCILE_BATCH);
    let changed = 0;
    for (const [index, order] of pending.entries()) {
      const store = stores.get(order.storeId)!;
      // A job has no request: the context names the store only (no storefront URL).
      const ctx = createRequestContext({ store: { ...store, base: '' } });
      try {
        const record = await deps.orders.byId(store.id, order.id);
        if (record && (await deps.actions.settle(ctx, record)) !== 'pending_payment') changed++;
      } catch (error) {
        deps.logger.warn({ err: error, orderId: order.id }, 'could not reconcile the order with its payment');
      }
      if (index % 50 === 49) await job.progress(Math.round(((index + 1) / pending.length) * 100));
    }
    await job.progress(100, `checked ${pending.length}, changed ${changed}`);
  };
}
