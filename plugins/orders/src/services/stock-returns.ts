import { requireStore, type RequestContext, type StoreRef } from '@wizamart/plugin-sdk';
import type { InventoryReservations } from '@wizamart/plugin-inventory';
import type { Order } from '../index.js';

/**
 * Where to find inventory: the service (absent when the plugin is not installed) and whether it is on for a platform.
 */
export interface InventoryAccess {
  reservations(): InventoryReservations | undefined;
  enabled(platform: string): boolean;
}

interface Logger {
  warn(object: Record<string, unknown>, message: string): void;
}

/**
 * Gives the stock of a cancelled order back through inventory: each line's reservation is restored when the sale was
 * committed (units back on hand), or released when the hold was never committed. Every step is idempotent, so a
 * cancel that failed half-way can be retried. Without inventory on the store's platform there is nothing to give back.
 */
export class StockReturns {
  constructor(
    private readonly inventory: InventoryAccess,
    private readonly logger: Logger,
  ) {}

  async giveBack(ctx: RequestContext, order: Pick<Order, 'id' | 'lines'>, actor: string): Promise<void> {
    const store = requireStore(ctx);
    const reservations = this.inventory.reservations();
    if (!reservations || !this.inventory.enabled(store.platform)) return;
    for (const line of order.lines) {
      if (line.reservationId) await this.giveBackOne(reservations, store, order.id, line.reservationId, actor);
    }
  }

  private async giveBackOne(
    reservations: InventoryReservations,
    store: StoreRef,
    orderId: string,
    reservationId: string,
    actor: string,
  ): Promise<void> {
    try {
      await reservations.restore(store, reservationId, actor);
    } catch (error) {
      const { code, details } = error as { code?: string; details?: { status?: string } };
      if (code === 'WZ_INVENTORY_RESERVATION_CLOSED' && details?.status === 'active')
        await reservations.release(store, reservationId);
      else if (code === 'WZ_INVENTORY_RESERVATION_CLOSED' && details?.status === 'released') return;
      else if (code === 'WZ_INVENTORY_RESERVATION_NOT_FOUND')
        this.logger.warn(
          { orderId, reservationId },
          'order line names a reservation inventory does not know; no stock given back',
        );
      else throw error;
    }
  }
}
