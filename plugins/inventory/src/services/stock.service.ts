import type { CatalogVariant, CatalogVariants, StockState } from '@wizamart/plugin-catalog';
import { requireStore, type Actor, type RequestContext } from '@wizamart/plugin-sdk';
import { locationNotFound, locationTaken, negativeStock, variantNotFound } from '../errors.js';
import {
  CHECK_VIOLATION,
  pgCode,
  UNIQUE_VIOLATION,
  type LocationRecord,
  type MovementReason,
} from '../repositories/records.js';
import type { StockRepository } from '../repositories/stock.repository.js';
import { isUuid } from './checks.js';

/** Who made a change, as the movement log records it: `<kind>:<id>` (`unknown` for nobody signed in). */
export function movementActor(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'unknown' : `${actor.kind}:${actor.id ?? 'unknown'}`;
}

/** A stock change as staff send it: `delta` for receipts and write-offs, `onHand` for a count. */
export interface StockChange {
  variantId: string;
  locationId?: string;
  delta?: number;
  onHand?: number;
  reason: MovementReason;
  note?: string;
  lowThreshold?: number;
}

/** A variant with its stock per location, as the stock pages show it. */
export interface VariantStock extends CatalogVariant {
  onHand: number;
  reserved: number;
  available: number;
  state: StockState;
}

/** The storefront's view: nothing available is out of stock; at or below the threshold is low. */
export function stockState(available: number, lowThreshold: number): StockState {
  if (available <= 0) return 'out_of_stock';
  return available <= lowThreshold ? 'low' : 'in_stock';
}

/** Locations, stock levels, movements and the low-stock view of a store. */
export class StockService {
  constructor(
    private readonly stock: StockRepository,
    private readonly variants: CatalogVariants,
    private readonly defaultLocationName: string,
  ) {}

  async locations(ctx: RequestContext): Promise<LocationRecord[]> {
    const store = requireStore(ctx);
    await this.stock.defaultLocation(store.id, this.defaultLocationName);
    return this.stock.locations(store.id);
  }

  async addLocation(ctx: RequestContext, input: { code: string; name: string }): Promise<LocationRecord> {
    const store = requireStore(ctx);
    await this.stock.defaultLocation(store.id, this.defaultLocationName);
    try {
      return await this.stock.insertLocation(store.id, { ...input, isDefault: false });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw locationTaken(input.code);
      throw error;
    }
  }

  /**
   * Applies a stock change by the context's actor (`actor` overrides how the movement log names it, e.g. for seeds);
   * 409 `WZ_INVENTORY_NEGATIVE_STOCK` when it would go below zero or reserved.
   */
  async change(ctx: RequestContext, change: StockChange, actor = movementActor(ctx.actor)) {
    const store = requireStore(ctx);
    const variantId = change.variantId.toLowerCase();
    if (!(await this.variants.byIds(store.id, [variantId])).length) throw variantNotFound();
    const location = await this.location(ctx, change.locationId);
    const current = (await this.stock.levels(store.id, [variantId])).find((level) => level.locationId === location.id);
    const delta = change.onHand !== undefined ? change.onHand - (current?.onHand ?? 0) : (change.delta ?? 0);
    try {
      return await this.stock.move(store.id, {
        variantId,
        locationId: location.id,
        delta,
        reason: change.reason,
        actor,
        note: change.note,
        lowThreshold: change.lowThreshold,
      });
    } catch (error) {
      if (pgCode(error) === CHECK_VIOLATION) throw negativeStock({ variantId, locationId: location.id, delta });
      throw error;
    }
  }

  /** Variants of the store (optionally matching `q`) with their stock summed over locations. */
  async overview(
    ctx: RequestContext,
    filter: { q?: string; limit: number; offset: number },
  ): Promise<{ items: VariantStock[]; total: number }> {
    const store = requireStore(ctx);
    const page = await this.variants.search(store.id, filter);
    return { items: await this.withStock(store.id, page.items), total: page.total };
  }

  /** Variants at or below their low-stock threshold (tracked variants only), lowest first. */
  async lowStock(ctx: RequestContext, limit = 100): Promise<VariantStock[]> {
    const store = requireStore(ctx);
    const low = await this.stock.lowStock(store.id, limit);
    const variants = new Map(
      (
        await this.variants.byIds(
          store.id,
          low.map((row) => row.variantId),
        )
      ).map((variant) => [variant.id, variant]),
    );
    const known = low.map((row) => variants.get(row.variantId));
    const items = await this.withStock(
      store.id,
      known.filter((item): item is CatalogVariant => Boolean(item)),
    );
    return items.sort((a, b) => a.available - b.available);
  }

  movements(ctx: RequestContext, filter: { variantId?: string; limit: number; offset: number }) {
    return this.stock.movements(requireStore(ctx).id, filter);
  }

  /** Stock states for the storefront (registered with catalog's availability seam). */
  async availability(storeId: string, variantIds: readonly string[]): Promise<Map<string, StockState>> {
    const rows = variantIds.length ? await this.stock.available(storeId, variantIds) : [];
    const byVariant = new Map(rows.map((row) => [row.variantId, stockState(row.available, row.lowThreshold)]));
    return new Map(variantIds.map((id) => [id, byVariant.get(id) ?? 'out_of_stock']));
  }

  /** Available units (on hand minus reserved over all locations) per variant; 0 for variants without levels. */
  async availableUnits(storeId: string, variantIds: readonly string[]): Promise<Map<string, number>> {
    const rows = variantIds.length ? await this.stock.available(storeId, variantIds) : [];
    const byVariant = new Map(rows.map((row) => [row.variantId, Math.max(0, row.available)]));
    return new Map(variantIds.map((id) => [id, byVariant.get(id) ?? 0]));
  }

  private async withStock(storeId: string, variants: CatalogVariant[]): Promise<VariantStock[]> {
    const levels = variants.length
      ? await this.stock.levels(
          storeId,
          variants.map((variant) => variant.id),
        )
      : [];
    return variants.map((variant) => {
      const own = levels.filter((level) => level.variantId === variant.id);
      const onHand = own.reduce((sum, level) => sum + level.onHand, 0);
      const reserved = own.reduce((sum, level) => sum + level.reserved, 0);
      const threshold = own.length ? Math.min(...own.map((level) => level.lowThreshold)) : 0;
      return {
        ...variant,
        onHand,
        reserved,
        available: onHand - reserved,
        state: stockState(onHand - reserved, threshold),
      };
    });
  }

  private async location(ctx: RequestContext, id: string | undefined): Promise<LocationRecord> {
    const locations = await this.locations(ctx);
    const found = id
      ? isUuid(id)
        ? locations.find((location) => location.id === id.toLowerCase())
        : undefined
      : locations.find((location) => location.isDefault);
    if (!found) throw locationNotFound();
    return found;
  }
}
