import { requireStore, type RequestContext, type StoreRef } from '@wizamart/plugin-sdk';
import type { CatalogVariant, CatalogVariants } from '@wizamart/plugin-catalog';
import type { InventoryStock } from '@wizamart/plugin-inventory';
import type { Knex } from 'knex';
import {
  cartLocked,
  cartNotFound,
  currencyMismatch,
  insufficientStock,
  lineNotFound,
  quantityLimit,
  tooManyLines,
  variantUnavailable,
} from '../errors.js';
import { CART_LIMITS, type CartStatusChange, type CartSummary, type CartView } from '../index.js';
import {
  CHECK_VIOLATION,
  pgCode,
  UNIQUE_VIOLATION,
  type CartRecord,
  type CartRepository,
  type CartStatus,
  type LineRecord,
  type LineSnapshot,
} from '../repositories/cart.repository.js';
import { emptyCart, mergedQuantity, priceCart } from './cart-totals.js';

// The statuses each status change starts from (the target itself included: every change is idempotent).
const FROM: Record<CartStatusChange, CartStatus[]> = {
  locked: ['open', 'locked'],
  open: ['open', 'locked'],
  converted: ['open', 'locked', 'converted'],
};

// A lost race to create a cart, or a deadlock Postgres broke by aborting this transaction: both are safe to retry.
const RETRYABLE = new Set([UNIQUE_VIOLATION, '40P01']);

/** Whose cart: a signed-in customer's, or a guest's found by the SHA-256 of the cookie token. */
export type CartOwner = { customerId: string; tokenHash?: undefined } | { tokenHash: string; customerId?: undefined };

function snapshotOf(variant: CatalogVariant): LineSnapshot {
  return {
    title: variant.productTitle,
    sku: variant.sku,
    productSlug: variant.productSlug,
    optionValues: variant.optionValues,
    price: variant.price,
    currency: variant.currency,
  };
}

/** The store fields the cart needs (the cart's currency, inventory's platform check). */
type Store = Pick<StoreRef, 'id' | 'platform' | 'currency'>;

/**
 * Guest and customer carts of the context's store: reads priced by the server, changes checked against catalog and
 * stock. Every method acting for a request takes its context first; `owner` is resolved by `resolveShopper`.
 */
export class CartService {
  constructor(
    private readonly carts: CartRepository,
    private readonly variants: CatalogVariants,
    private readonly stock: () => InventoryStock | undefined,
  ) {}

  /** The owner's open or locked cart, priced now (an empty view when there is none). */
  async current(ctx: RequestContext, owner: CartOwner | undefined): Promise<CartView> {
    const store = requireStore(ctx);
    const cart = owner ? await this.active(store, owner) : undefined;
    return cart ? this.price(store, cart) : emptyCart(store.currency);
  }

  /** The owner's open or locked cart priced now, or undefined. */
  async find(ctx: RequestContext, owner: CartOwner): Promise<CartView | undefined> {
    const store = requireStore(ctx);
    const cart = await this.active(store, owner);
    return cart ? this.price(store, cart) : undefined;
  }

  /** The owner's open or locked cart without prices: id, status and number of lines (one statement). */
  async summary(ctx: RequestContext, owner: CartOwner): Promise<CartSummary | undefined> {
    // Only open and locked carts are active.
    return (await this.carts.activeSummary(requireStore(ctx).id, owner)) as CartSummary | undefined;
  }

  /** Cart `cartId` of the store priced now, or undefined (also for another store's cart). */
  async get(ctx: RequestContext, cartId: string): Promise<CartView | undefined> {
    return this.priced(requireStore(ctx), cartId);
  }

  /** Adds `quantity` units of a variant (to its line when there is one); creates the owner's cart on first use. */
  async add(ctx: RequestContext, owner: CartOwner, input: { variantId: string; quantity: number }): Promise<CartView> {
    const store = requireStore(ctx);
    const variantId = input.variantId.toLowerCase();
    const [variant] = await this.variants.byIds(store.id, [variantId]);
    if (!variant || variant.productStatus !== 'active') throw variantUnavailable(variantId);
    if (variant.currency !== store.currency) throw currencyMismatch(variant.currency, store.currency);
    const available = await this.available(store, [variantId]);
    let after: LineRecord[] = [];
    const cart = await this.write(store, owner, true, async (trx, cart) => {
      const lines = await this.carts.lines(store.id, cart.id, trx);
      const existing = lines.find((line) => line.variantId === variantId);
      if (!existing && lines.length >= CART_LIMITS.maxLines) throw tooManyLines(CART_LIMITS.maxLines);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      if (quantity > CART_LIMITS.maxQuantity) throw quantityLimit(CART_LIMITS.maxQuantity);
      this.checkStock(variantId, quantity, available);
      const written = await this.carts.upsertLine(trx, store.id, cart.id, variantId, quantity, snapshotOf(variant));
      after = existing ? lines.map((line) => (line.id === written.id ? written : line)) : [...lines, written];
    });
    // The lines as the change left them (read under the cart's row lock), priced with the variant and stock checked
    // just before it: only the other lines' variants and stock are left to look up.
    return this.priceKnown(store, cart, after, new Map([[variantId, variant]]), available);
  }

  /** Sets the quantity of line `lineId` of the owner's cart (1–99, within stock). */
  async setQuantity(ctx: RequestContext, owner: CartOwner, lineId: string, quantity: number): Promise<CartView> {
    const store = requireStore(ctx);
    const cart = await this.write(store, owner, false, async (trx, cart) => {
      const line = (await this.carts.lines(store.id, cart.id, trx)).find((candidate) => candidate.id === lineId);
      if (!line) throw lineNotFound();
      if (quantity > line.quantity) {
        this.checkStock(line.variantId, quantity, await this.available(store, [line.variantId]));
      }
      await this.carts.setQuantity(trx, store.id, cart.id, lineId, quantity);
    });
    return this.price(store, cart);
  }

  async removeLine(ctx: RequestContext, owner: CartOwner, lineId: string): Promise<CartView> {
    const store = requireStore(ctx);
    const cart = await this.write(store, owner, false, async (trx, cart) => {
      if (!(await this.carts.deleteLine(trx, store.id, cart.id, lineId))) throw lineNotFound();
    });
    return this.price(store, cart);
  }

  /** Empties the owner's cart (nothing to do when there is none). */
  async clearOwn(ctx: RequestContext, owner: CartOwner): Promise<CartView> {
    const store = requireStore(ctx);
    const cart = await this.active(store, owner);
    return cart ? this.clear(ctx, cart.id) : emptyCart(store.currency);
  }

  /** Removes every line of cart `cartId`; 404 `WZ_CART_NOT_FOUND`, 409 `WZ_CART_LOCKED` unless it is open. */
  async clear(ctx: RequestContext, cartId: string): Promise<CartView> {
    const store = requireStore(ctx);
    return this.byIdChange(store, cartId, async (trx, cart) => {
      if (cart.status !== 'open') throw cartLocked(cart.status);
      await this.carts.deleteLines(trx, store.id, cart.id);
    });
  }

  async lock(ctx: RequestContext, cartId: string): Promise<CartView> {
    return this.price(requireStore(ctx), await this.setStatus(ctx, cartId, 'locked'));
  }

  async unlock(ctx: RequestContext, cartId: string): Promise<CartView> {
    return this.price(requireStore(ctx), await this.setStatus(ctx, cartId, 'open'));
  }

  async markConverted(ctx: RequestContext, cartId: string, reference?: string): Promise<CartView> {
    return this.price(requireStore(ctx), await this.setStatus(ctx, cartId, 'converted', reference));
  }

  /**
   * Moves the cart to `to` (locked, open or converted) without pricing it: one conditional update in the common case.
   * A cart already in `to` is left as it is (its reference too); 404 `WZ_CART_NOT_FOUND`, 409 `WZ_CART_LOCKED` when its
   * status does not allow the change (converted or merged).
   */
  async setStatus(ctx: RequestContext, cartId: string, to: CartStatusChange, reference?: string): Promise<CartRecord> {
    const store = requireStore(ctx);
    const from = FROM[to].filter((status) => status !== to);
    const changed = await this.carts.changeStatus(store.id, cartId, to, from, reference);
    if (changed) return changed;
    const cart = await this.carts.byId(store.id, cartId);
    if (!cart) throw cartNotFound();
    if (cart.status !== to) throw cartLocked(cart.status);
    return cart;
  }

  /**
   * Moves the guest cart's lines into the customer's cart: quantities add up, capped at 99 per line and by the stock
   * available when inventory tracks it; the guest cart ends `merged`. A cart locked for checkout is left alone.
   * Returns true when a guest cart was merged.
   */
  async merge(ctx: RequestContext, customerId: string, tokenHash: string): Promise<boolean> {
    const store = requireStore(ctx);
    const guest = await this.carts.activeByToken(store.id, tokenHash);
    if (!guest || guest.status !== 'open') return false;
    const guestLines = await this.carts.lines(store.id, guest.id);
    const stock = await this.available(
      store,
      guestLines.map((line) => line.variantId),
    );
    return this.retryOnRace(() =>
      this.carts.transaction(async (trx) => {
        const source = await this.carts.activeByToken(store.id, tokenHash, trx);
        if (!source || source.status !== 'open') return false;
        const target =
          (await this.carts.activeByCustomer(store.id, customerId, trx)) ??
          (await this.carts.findOrInsert(trx, store.id, { customerId }, store.currency));
        if (target.status !== 'open') return false;
        const lines = await this.carts.lines(store.id, target.id, trx);
        let count = lines.length;
        for (const line of await this.carts.lines(store.id, source.id, trx)) {
          const existing = lines.find((candidate) => candidate.variantId === line.variantId);
          if (!existing && count >= CART_LIMITS.maxLines) continue;
          const quantity = mergedQuantity(
            existing?.quantity ?? 0,
            line.quantity,
            CART_LIMITS.maxQuantity,
            stock ? (stock.get(line.variantId) ?? 0) : undefined,
          );
          if (quantity <= (existing?.quantity ?? 0)) continue;
          await this.carts.upsertLine(trx, store.id, target.id, line.variantId, quantity, line.snapshot);
          if (!existing) count += 1;
        }
        await this.carts.setStatus(trx, store.id, source.id, 'merged');
        return true;
      }),
    );
  }

  private async priced(store: Store, cartId: string): Promise<CartView | undefined> {
    const cart = await this.carts.byId(store.id, cartId);
    return cart ? this.price(store, cart) : undefined;
  }

  private active(store: Store, owner: CartOwner): Promise<CartRecord | undefined> {
    return owner.customerId
      ? this.carts.activeByCustomer(store.id, owner.customerId)
      : this.carts.activeByToken(store.id, owner.tokenHash!);
  }

  private async price(store: Store, cart: CartRecord): Promise<CartView> {
    const lines = await this.carts.lines(store.id, cart.id);
    const ids = [...new Set(lines.map((line) => line.variantId))];
    const [variants, stock] = await Promise.all([
      ids.length ? this.variants.byIds(store.id, ids) : [],
      this.available(store, ids),
    ]);
    return priceCart(cart, lines, new Map(variants.map((variant) => [variant.id, variant])), stock);
  }

  /** Prices `lines` of `cart`, looking up only the variants (and their stock) that `variants` and `stock` lack. */
  private async priceKnown(
    store: Store,
    cart: CartRecord,
    lines: LineRecord[],
    variants: Map<string, CatalogVariant>,
    stock: Map<string, number> | undefined,
  ): Promise<CartView> {
    const others = [...new Set(lines.map((line) => line.variantId))].filter((id) => !variants.has(id));
    if (!others.length) return priceCart(cart, lines, variants, stock);
    const [found, otherStock] = await Promise.all([
      this.variants.byIds(store.id, others),
      this.available(store, others),
    ]);
    for (const variant of found) variants.set(variant.id, variant);
    // Stock counts only while both reads saw inventory tracking it (it may be turned off in between).
    return priceCart(cart, lines, variants, stock && otherStock ? new Map([...otherStock, ...stock]) : undefined);
  }

  /** Available units per variant while inventory tracks stock on the store's platform, else undefined. */
  private async available(store: Store, variantIds: string[]): Promise<Map<string, number> | undefined> {
    const stock = this.stock();
    return stock ? stock.available(store, variantIds) : undefined;
  }

  private checkStock(variantId: string, quantity: number, available: Map<string, number> | undefined): void {
    if (!available) return;
    const units = available.get(variantId) ?? 0;
    if (quantity > units) throw insufficientStock(variantId, units);
  }

  /** Runs `change` on the owner's open cart under a row lock (creating the cart when `create`); returns the cart. */
  private write(
    store: Store,
    owner: CartOwner,
    create: boolean,
    change: (trx: Knex.Transaction, cart: CartRecord) => Promise<void>,
  ): Promise<CartRecord> {
    return this.retryOnRace(() =>
      this.carts.transaction(async (trx) => {
        const found = owner.customerId
          ? await this.carts.activeByCustomer(store.id, owner.customerId, trx)
          : await this.carts.activeByToken(store.id, owner.tokenHash!, trx);
        if (!found && !create) throw lineNotFound();
        const cart =
          found ??
          (await this.carts.findOrInsert(
            trx,
            store.id,
            owner.customerId ? { customerId: owner.customerId } : { tokenHash: owner.tokenHash },
            store.currency,
          ));
        if (cart.status !== 'open') throw cartLocked(cart.status);
        await this.guardQuantity(() => change(trx, cart));
        return cart;
      }),
    );
  }

  private byIdChange(
    store: Store,
    cartId: string,
    change: (trx: Knex.Transaction, cart: CartRecord) => Promise<void>,
  ): Promise<CartView> {
    return this.carts
      .transaction(async (trx) => {
        const cart = await this.carts.byId(store.id, cartId, trx);
        if (!cart) throw cartNotFound();
        await change(trx, cart);
        return cart;
      })
      .then((cart) => this.priced(store, cart.id) as Promise<CartView>);
  }

  /** The database's CHECK backs the 1–99 rule up for any path that slips past the service's own check. */
  private async guardQuantity(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (pgCode(error) === CHECK_VIOLATION) throw quantityLimit(CART_LIMITS.maxQuantity);
      throw error;
    }
  }

  /** Two first writes of one shopper race to create the cart; the loser retries and finds the winner's. */
  private async retryOnRace<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (attempts <= 1 || !RETRYABLE.has(pgCode(error) ?? '')) throw error;
      return this.retryOnRace(work, attempts - 1);
    }
  }
}
