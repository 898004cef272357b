import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { StockService } from '../services/stock.service.js';

/** What the inventory routers need, wired in plugin.ts. */
export interface InventoryDeps {
  stores: StoreDirectory;
  ui: CoreUi;
  stock: StockService;
}

/** Who made a change, for the movement log: the principal's kind and id. */
export function actorOf(req: Request): string {
  const principal = req.wz?.principal as { kind?: string; id?: string } | undefined;
  return principal ? `${principal.kind ?? 'user'}:${principal.id ?? 'unknown'}` : 'unknown';
}
