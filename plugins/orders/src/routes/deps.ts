import type { CoreUi } from '@wizamart/plugin-core';
import type { PaymentsService } from '@wizamart/plugin-payments';
import type { WizamartError } from '@wizamart/plugin-sdk';
import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { HistoryActors } from '../services/history-actors.js';
import type { OrderActions } from '../services/order-actions.service.js';
import type { OrderService } from '../services/order.service.js';
import type { SettingsService } from '../services/settings.service.js';
import type { ShopperOrders } from '../services/shopper-orders.service.js';

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
  shopper: ShopperOrders;
}

/** An error's text in the request's language (`orders.errors.<code>`), else its own message. */
export function errorText(deps: Pick<OrdersDeps, 'ui'>, req: Request, error: WizamartError): string {
  const key = `orders.errors.${error.code}`;
  const text = deps.ui.t(req, key);
  return text === key ? error.message : text;
}
