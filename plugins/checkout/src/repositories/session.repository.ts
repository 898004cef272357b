import type { Knex } from 'knex';
import type { CheckoutAddress } from '../index.js';
import { EMPTY_SESSION, type SessionData } from '../model.js';

const SESSION = [
  'email as email',
  'shipping_address as shippingAddress',
  'billing_same_as_shipping as billingSameAsShipping',
  'billing_address as billingAddress',
  'shipping_code as shippingCode',
  'payment_provider as paymentProvider',
];

const json = (address: CheckoutAddress | null) => (address === null ? null : JSON.stringify(address));

/** The checkout data of each cart (`checkout.sessions`); every method is scoped to one store. */
export class SessionRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  /** The cart's checkout data (empty when nothing was saved yet). */
  async find(storeId: string, cartId: string): Promise<SessionData> {
    const row = await this.db('sessions').where({ store_id: storeId, cart_id: cartId }).first(SESSION);
    return (row as SessionData | undefined) ?? { ...EMPTY_SESSION };
  }

  /** Writes the whole checkout data of the cart (insert or update). */
  async save(storeId: string, cartId: string, data: SessionData): Promise<void> {
    const columns = {
      email: data.email,
      shipping_address: json(data.shippingAddress),
      billing_same_as_shipping: data.billingSameAsShipping,
      billing_address: json(data.billingAddress),
      shipping_code: data.shippingCode,
      payment_provider: data.paymentProvider,
    };
    await this.db('sessions')
      .insert({ store_id: storeId, cart_id: cartId, ...columns })
      .onConflict(['store_id', 'cart_id'])
      .merge({ ...columns, updated_at: this.db.fn.now() });
  }

  /**
   * Holds the cart for the placement of key row `keyId` for `leaseSeconds`: true when no other placement holds it
   * (or its hold lapsed). The conditional UPDATE is the whole story: Postgres re-checks it after a concurrent writer.
   */
  async hold(storeId: string, cartId: string, keyId: string, leaseSeconds: number): Promise<boolean> {
    const held = await this.db('sessions')
      .where({ store_id: storeId, cart_id: cartId })
      .where((q) =>
        q.whereNull('placing_key_id').orWhere('placing_key_id', keyId).orWhere('placing_until', '<', this.db.fn.now()),
      )
      .update({
        placing_key_id: keyId,
        placing_until: this.db.raw('now() + make_interval(secs => ?)', [leaseSeconds]),
      });
    return held > 0;
  }

  /** Lets go of the cart after a failed placement of `keyId` (its data stays for the next attempt). */
  async letGo(storeId: string, cartId: string, keyId: string): Promise<void> {
    await this.db('sessions')
      .where({ store_id: storeId, cart_id: cartId, placing_key_id: keyId })
      .update({ placing_key_id: null, placing_until: null });
  }

  /** Forgets the checkout of a cart that became an order. */
  async delete(storeId: string, cartId: string): Promise<void> {
    await this.db('sessions').where({ store_id: storeId, cart_id: cartId }).delete();
  }

  /** Deletes checkouts untouched for `days` days (their carts were abandoned). */
  async deleteStale(days: number): Promise<number> {
    return this.db('sessions')
      .where('updated_at', '<', this.db.raw(`now() - make_interval(days => ?)`, [days]))
      .whereNull('placing_key_id')
      .delete();
  }
}
