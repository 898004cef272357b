import { createValidator, parseMinor } from '@wizamart/plugin-sdk';
import type { OrderStatus } from '../index.js';
import type { OrderFilter, ShippingRateInput } from '../model.js';
import type { ActionInput } from '../services/order-actions.service.js';
import actionSchema from './schemas/action.schema.json' with { type: 'json' };
import fulfilSchema from './schemas/fulfil.schema.json' with { type: 'json' };
import historyListSchema from './schemas/history-list.schema.json' with { type: 'json' };
import idParamsSchema from './schemas/id-params.schema.json' with { type: 'json' };
import listSchema from './schemas/list.schema.json' with { type: 'json' };
import lookupSchema from './schemas/lookup.schema.json' with { type: 'json' };
import ratePatchSchema from './schemas/rate-patch.schema.json' with { type: 'json' };
import rateSchema from './schemas/rate.schema.json' with { type: 'json' };
import taxSchema from './schemas/tax.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
const parseListObject = createValidator<{
  status?: OrderStatus | '';
  q?: string;
  from?: string;
  to?: string;
  page: string;
  pageSize: string;
}>(listSchema);
const parseHistoryObject = createValidator<{ page: string; pageSize: string }>(historyListSchema);
const parseActionObject = createValidator<ActionInput>(actionSchema);
const parseFulfilObject = createValidator<ActionInput>(fulfilSchema);
const parseIdObject = createValidator<{ id: string }>(idParamsSchema);
const parseLookupObject = createValidator<{ number: number | string; email: string }>(lookupSchema);
export const parseTax = createValidator<{ taxRateBasisPoints: number; taxInclusive: boolean }>(taxSchema);
export const parseRate = createValidator<ShippingRateInput>(rateSchema);
export const parseRatePatch = createValidator<Partial<ShippingRateInput>>(ratePatchSchema);

const DAY_MS = 24 * 3600 * 1000;

/** A `YYYY-MM-DD` day as the UTC instant it starts (undefined for empty or impossible dates such as 2025-02-30). */
function dayStart(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}

/** `?status=&q=&from=&to=&page=&pageSize=` of the store's order list; days are UTC, `to` includes its whole day. */
export function parseList(
  query: unknown,
): OrderFilter & { page: number; pageSize: number; query: Record<string, string> } {
  const checked = parseListObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  const from = dayStart(checked.from);
  const toDay = dayStart(checked.to);
  const kept = {
    status: checked.status ?? '',
    q: checked.q?.trim() ?? '',
    from: from ? checked.from! : '',
    to: toDay ? checked.to! : '',
  };
  return {
    status: checked.status || undefined,
    q: kept.q || undefined,
    from,
    to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
    page,
    pageSize,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    query: Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== '')),
  };
}

/** `?page=&pageSize=` of a shopper's order history. */
export function parseHistoryList(query: unknown): { page: number; pageSize: number; limit: number; offset: number } {
  const checked = parseHistoryObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** An action's body: `{ note? }`, and for fulfilling `{ note?, trackingNumber? }`. Nothing at all is fine too. */
export function parseAction(body: unknown, fulfil: boolean): ActionInput {
  const value = body === undefined || body === null ? {} : body;
  return fulfil ? parseFulfilObject(value) : parseActionObject(value);
}

/** `:id` route parameter (a UUID), lower-cased. */
export function parseId(params: Record<string, unknown>): string {
  return parseIdObject({ id: params.id }).id.toLowerCase();
}

/** `{ number, email }` of the guest order lookup, normalised (`#1001` → 1001, email trimmed). */
export function parseLookup(body: unknown): { number: number; email: string } {
  const checked = parseLookupObject(body);
  return { number: Number(String(checked.number).replace(/[#\s]/g, '')), email: checked.email.trim() };
}

/** Decimal text (`4.90`, `4,9`, `5`) with at most `digits` decimals, scaled to an integer; NaN when malformed. */
export function scaledFromText(value: unknown, digits: number): number {
  const text = String(value ?? '')
    .trim()
    .replace(',', '.');
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text)) return Number.NaN;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** A form's money text in minor units of `currency` (NaN when malformed, which then fails validation). */
export function minorFromForm(value: unknown, currency: string): number {
  return parseMinor(String(value ?? ''), currency) ?? Number.NaN;
}

/** A form's tax rate in percent (`17`, `8.5`, `7,75`) in basis points. */
export function basisPointsFromForm(value: unknown): number {
  return scaledFromText(value, 2);
}

/** A form's whole number (`3`), else the text itself so that validation names the field. */
export function integerFromForm(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : value;
}
