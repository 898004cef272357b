import { createValidator, validationError } from '@wizamart/plugin-sdk';
import type { StockChange } from '../services/stock.service.js';
import listSchema from './schemas/list.schema.json' with { type: 'json' };
import locationSchema from './schemas/location.schema.json' with { type: 'json' };
import stockChangeSchema from './schemas/stock-change.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
const parseStockChangeObject = createValidator<StockChange>(stockChangeSchema);

/** A stock change: exactly one of `delta` (receipts, write-offs) or `onHand` (a count). */
export function parseStockChange(body: unknown): StockChange {
  const change = parseStockChangeObject(body);
  // Exactly one of the two: none is a missing quantity, both is one too many.
  const given = [change.delta, change.onHand].filter((value) => value !== undefined).length;
  if (given === 0) throw validationError([{ path: '/delta', code: 'required' }]);
  if (given === 2) throw validationError([{ path: '/onHand', code: 'not_allowed' }]);
  return change;
}
export const parseLocation = createValidator<{ code: string; name: string }>(locationSchema);
const parseListObject = createValidator<{ q?: string; variantId?: string; page: string; pageSize: string }>(listSchema);

/** `?q=&variantId=&page=&pageSize=` of the stock lists. */
export function parseList(query: unknown) {
  const checked = parseListObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return {
    q: checked.q?.trim() || undefined,
    variantId: checked.variantId?.toLowerCase(),
    page,
    pageSize,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}
