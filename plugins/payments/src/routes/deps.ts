import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
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
