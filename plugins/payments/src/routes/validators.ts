import { createValidator } from '@wizamart/plugin-sdk';
import type { PaymentStatus } from '../index.js';
import emptySchema from './schemas/empty.schema.json' with { type: 'json' };
import listSchema from './schemas/list.schema.json' with { type: 'json' };
import refundSchema from './schemas/refund.schema.json' with { type: 'json' };
import settingsSchema from './schemas/settings.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
export const parseRefund = createValidator<{ amount?: number }>(refundSchema);
export const parseSettings = createValidator<{ providers: string[] }>(settingsSchema);
const parseEmptyObject = createValidator<Record<string, never>>(emptySchema);
const parseListObject = createValidator<{
  status?: PaymentStatus | '';
  provider?: string;
  orderRef?: string;
  page: string;
  pageSize: string;
}>(listSchema);

/** Bodies of actions without input (mark paid, capture, cancel): nothing, or an empty object. */
export function parseEmpty(body: unknown): void {
  parseEmptyObject(body === undefined ? {} : body);
}

/** `?status=&provider=&orderRef=&page=&pageSize=` of the payment list. */
export function parseList(query: unknown) {
  const checked = parseListObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return {
    status: checked.status || undefined,
    provider: checked.provider?.trim() || undefined,
    orderRef: checked.orderRef?.trim() || undefined,
    page,
    pageSize,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}
