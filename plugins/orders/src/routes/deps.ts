import type { CoreUi } from '@wizamart/plugin-core';
import type { PaymentsService } from '@wizamart/plugin-payments';
import type { WizamartError } from '@wizamart/plugin-sdk';
import type { AuthService, RateLimits } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { HistoryActors } from '../services/history-actors.js';
import type { OrderActions } from '../services/order-actions.service.js';
import type { OrderService } from '../services/order.service.js';
import type { SettingsService } from '../services/settings.service.js';

/** The guest lookup's limits (orders' config): failed lookups per client address and per order number. */
export interface LookupLimits {
  ipMaxAttempts: number;
  numberMaxAttempts: number;
  windowSeconds: number;
}

/** What the orders routers need, wired in plugin.ts. */
export interface OrdersDeps {
  stores: StoreDirectory;
  auth: AuthService;
  ui: CoreUi;
  payments: PaymentsService;
  orders: OrderService;
  actions: OrderActions;
  settings: SettingsService;
  actors: HistoryActors;
  limits: RateLimits;
  lookupLimits: LookupLimits;
}

/** Who made a change, for the history: the principal's kind and id (`staff:<id>`). */
export function actorOf(req: Request): string {
  const principal = req.wz?.principal;
  return principal ? `${principal.kind}:${principal.id}` : 'unknown';
}

/** The signed-in customer of this store on a storefront request, if any. */
export function customerOf(req: Request, storeCode: string): string | undefined {
  const principal = req.wz?.principal;
  return principal?.kind === 'customer' && (!principal.store || principal.store === storeCode) ? principal.id : undefined;
}

/** An error's text in the request's language (`orders.errors.<code>`), else its own message. */
export function errorText(deps: Pick<OrdersDeps, 'ui'>, req: Request, error: WizamartError): string {
  const key = `orders.errors.${error.code}`;
  const text = deps.ui.t(req, key);
  return text === key ? error.message : text;
}
