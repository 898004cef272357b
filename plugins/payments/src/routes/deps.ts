import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { PaymentsServiceImpl } from '../services/payments.service.js';
import type { SettingsService } from '../services/settings.service.js';
import type { WebhooksService } from '../services/webhooks.service.js';

/** What the payments routers need, wired in plugin.ts. */
export interface PaymentsDeps {
  stores: StoreDirectory;
  ui: CoreUi;
  payments: PaymentsServiceImpl;
  settings: SettingsService;
  webhooks: WebhooksService;
}

/** Who made a change, for the history: the principal's kind and id. */
export function actorOf(req: Request): string {
  const principal = req.wz?.principal as { kind?: string; id?: string } | undefined;
  return principal ? `${principal.kind ?? 'user'}:${principal.id ?? 'unknown'}` : 'unknown';
}
