import { isUuid, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { CustomerDirectory } from '@wizamart/plugin-customers';
import type { PaymentProviders } from '@wizamart/plugin-payments';
import type { StaffDirectory } from '@wizamart/plugin-tenancy';
import type { Order } from '../index.js';

type HistoryEntry = Order['history'][number];

/**
 * Who made a history entry, as the store dashboard shows it (`orders.actor.<kind>`). Actors are recorded as
 * `staff:<id>`, `admin:<id>`, `customer:<id>`, `guest`, `payments:<provider>`, `system`; anything else a placing
 * plugin wrote is shown as it is (`other`).
 */
export type StoreActor =
  | { kind: 'staff' | 'customer'; name: string; email: string }
  | { kind: 'former-staff' | 'former-customer' | 'guest' | 'admin' | 'system' | 'unknown' }
  | { kind: 'payments'; provider: string }
  | { kind: 'other'; label: string };

/** Who made a history entry, as its shopper sees it: themselves, the store, or the payment. No ids, no staff. */
export type ShopperActor = { kind: 'you' | 'store' | 'payment' };

/** An actor string split at its first colon: `staff:8e26…` → `{ kind: 'staff', id: '8e26…' }`. */
export function splitActor(actor: string): { kind: string; id: string } {
  const colon = actor.indexOf(':');
  return colon < 0 ? { kind: actor, id: '' } : { kind: actor.slice(0, colon), id: actor.slice(colon + 1) };
}

/**
 * Who acts in `ctx`, as the history records it: `<kind>:<id>` (`staff:8e26…`), else `guest` on the storefront and
 * `system` elsewhere (jobs, seeds).
 */
export function historyActor(ctx: RequestContext): string {
  const { actor } = ctx;
  if (actor.kind !== 'anonymous') return `${actor.kind}:${actor.id ?? 'unknown'}`;
  return ctx.surface === 'storefront' ? 'guest' : 'system';
}

/** The shopper's words for an actor: their own steps (signed in or as a guest), the payment, else the store. */
export function shopperActor(actor: string): ShopperActor {
  const { kind } = splitActor(actor);
  if (kind === 'customer' || kind === 'guest') return { kind: 'you' };
  return { kind: kind === 'payments' ? 'payment' : 'store' };
}

/** Names the actors of an order's history for the store: team members through tenancy, customers through customers. */
export class HistoryActors {
  constructor(
    private readonly deps: { staff: StaffDirectory; customers: CustomerDirectory; providers: PaymentProviders },
  ) {}

  async forStore(
    ctx: RequestContext,
    order: Pick<Order, 'history' | 'customerId' | 'customerName' | 'email'>,
  ): Promise<Array<HistoryEntry & { by: StoreActor }>> {
    const actors = order.history.map((entry) => splitActor(entry.actor));
    const idsOf = (kind: string) => [
      ...new Set(actors.filter((actor) => actor.kind === kind).map((actor) => actor.id.toLowerCase())),
    ];
    const store = requireStore(ctx);
    const [staff, customers] = await Promise.all([
      this.staff(store.id, idsOf('staff')),
      this.customers(store.id, idsOf('customer'), order),
    ]);
    const providers = new Map(this.deps.providers.list().map((provider) => [provider.code, provider.name]));
    return order.history.map((entry, index) => ({
      ...entry,
      by: this.describe(actors[index], staff, customers, providers),
    }));
  }

  private describe(
    actor: { kind: string; id: string },
    staff: Map<string, Person>,
    customers: Map<string, Person>,
    providers: Map<string, string>,
  ): StoreActor {
    const id = actor.id.toLowerCase();
    switch (actor.kind) {
      case 'staff':
        return staff.has(id) ? { kind: 'staff', ...staff.get(id)! } : { kind: 'former-staff' };
      case 'customer':
        return customers.has(id) ? { kind: 'customer', ...customers.get(id)! } : { kind: 'former-customer' };
      case 'payments':
        return { kind: 'payments', provider: providers.get(actor.id) ?? actor.id };
      case 'guest':
      case 'admin':
      case 'system':
      case 'unknown':
        return { kind: actor.kind };
      default:
        return { kind: 'other', label: actor.id ? `${actor.kind}:${actor.id}` : actor.kind };
    }
  }

  private async staff(storeId: string, ids: string[]): Promise<Map<string, Person>> {
    const members = ids.length ? await this.deps.staff.byIds(storeId, ids) : [];
    return new Map(members.map((member) => [member.id.toLowerCase(), { name: member.name, email: member.email }]));
  }

  /** Customers by id; one deleted since keeps the name and email the order recorded, when it is the order's own. */
  private async customers(
    storeId: string,
    ids: string[],
    order: Pick<Order, 'customerId' | 'customerName' | 'email'>,
  ): Promise<Map<string, Person>> {
    // Actors are free text from the placing plugin: only a well-formed id can name a customer.
    const byId = async (id: string) => [id, await this.deps.customers.byId(storeId, id)] as const;
    const found = await Promise.all(ids.filter(isUuid).map(byId));
    const people = new Map<string, Person>();
    for (const [id, customer] of found) {
      if (customer) people.set(id, { name: customer.name, email: customer.email });
      else if (id === order.customerId?.toLowerCase() && order.customerName)
        people.set(id, { name: order.customerName, email: order.email });
    }
    return people;
  }
}

interface Person {
  name: string;
  email: string;
}
