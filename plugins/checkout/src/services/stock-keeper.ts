import { isWizamartError, requireStore, type PluginLogger, type RequestContext } from '@wizamart/plugin-sdk';
import type { InventoryReservations, InventoryStock } from '@wizamart/plugin-inventory';

/** Where the stock keeper finds inventory: optional, so looked up on use (it may be absent or turned off). */
export interface StockSources {
  reservations: () => InventoryReservations | undefined;
  stock: () => InventoryStock | undefined;
  /** True while inventory is enabled on the platform. */
  enabled: (platform: string) => boolean;
  /** How long a checkout holds stock before inventory's expiry job releases it. */
  ttlSeconds: number;
  logger: PluginLogger;
}

type Line = { variantId: string; quantity: number };

/**
 * The placement's use of inventory reservations in the context's store: reserve, release, commit (all idempotent
 * for a retried attempt).
 */
export class StockKeeper {
  constructor(private readonly sources: StockSources) {}

  /** True when inventory is installed and enabled on the store's platform: only then is stock reserved. */
  tracks(ctx: RequestContext): boolean {
    return this.sources.reservations() !== undefined && this.sources.enabled(requireStore(ctx).platform);
  }

  /** Holds `line.quantity` units; the reservation id, or undefined when not enough are available. */
  async reserve(ctx: RequestContext, line: Line, reference: string): Promise<string | undefined> {
    try {
      const input = { ...line, reference, ttlSeconds: this.sources.ttlSeconds };
      const held = await this.sources.reservations()!.reserve(requireStore(ctx), input);
      return held.id;
    } catch (error) {
      if (
        isWizamartError(error) &&
        (error.code === 'WZ_INVENTORY_INSUFFICIENT_STOCK' || error.code === 'WZ_INVENTORY_VARIANT_NOT_FOUND')
      )
        return undefined;
      throw error;
    }
  }

  /** The variants among `lines` with fewer units available than asked for, `failed` always among them. */
  async short(ctx: RequestContext, lines: ReadonlyArray<Line>, failed: string): Promise<string[]> {
    const variantIds = lines.map((line) => line.variantId);
    const available = await this.sources
      .stock()
      ?.available(requireStore(ctx), variantIds)
      .catch(() => undefined);
    const short = new Set([failed]);
    for (const line of lines)
      if (available && (available.get(line.variantId) ?? 0) < line.quantity) short.add(line.variantId);
    return [...short];
  }

  /** Gives the units of every reservation back (each failure is logged; the expiry job releases what is left). */
  async release(ctx: RequestContext, reservations: Record<string, string>): Promise<void> {
    const service = this.sources.reservations();
    if (!service) return;
    const store = requireStore(ctx);
    for (const id of Object.values(reservations)) {
      await service
        .release(store, id)
        .catch((error: unknown) =>
          this.sources.logger.error({ err: error, reservationId: id }, 'checkout could not release a reservation'),
        );
    }
  }

  /**
   * Takes the reserved units out of stock for a placed order. A reservation that lapsed meanwhile (only after a
   * long stall) is reserved and committed again; if the units are gone, the shortfall is logged for the store.
   */
  async commit(
    ctx: RequestContext,
    reservations: Record<string, string>,
    lines: ReadonlyArray<Line>,
    actor: string,
    reference: string,
  ): Promise<void> {
    const service = this.sources.reservations();
    if (!service) return;
    const store = requireStore(ctx);
    for (const line of lines) {
      const id = reservations[line.variantId];
      if (!id) continue;
      try {
        await service.commit(store, id, actor);
      } catch (error) {
        if (!isWizamartError(error) || error.code !== 'WZ_INVENTORY_RESERVATION_CLOSED') throw error;
        const again = await this.reserve(ctx, line, reference);
        if (again) await service.commit(store, again, actor);
        else
          this.sources.logger.error(
            { reference, variantId: line.variantId, quantity: line.quantity },
            "a placed order's reservation lapsed and the units are gone: stock not taken",
          );
      }
    }
  }
}
