import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { StockService } from '../services/stock.service.js';

/** What the inventory routers need, wired in plugin.ts. */
export interface InventoryDeps {
  stores: StoreDirectory;
  ui: CoreUi;
  stock: StockService;
}
