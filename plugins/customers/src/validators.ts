import { createValidator } from '@wizamart/plugin-sdk';
import type { LoginInput, RegisterInput } from './index.js';
import type { AddressFields } from './repositories/address.repository.js';
import addressPatchSchema from './routes/schemas/address-patch.schema.json' with { type: 'json' };
import addressSchema from './routes/schemas/address.schema.json' with { type: 'json' };
import listSchema from './routes/schemas/list.schema.json' with { type: 'json' };
import loginSchema from './routes/schemas/login.schema.json' with { type: 'json' };
import paramsSchema from './routes/schemas/params.schema.json' with { type: 'json' };
import profileSchema from './routes/schemas/profile.schema.json' with { type: 'json' };
import registerSchema from './routes/schemas/register.schema.json' with { type: 'json' };

/** Profile fields a customer (or staff with `customers.manage`) may change. */
export interface ProfilePatch {
  name?: string;
  phone?: string | null;
}

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
export const parseRegister = createValidator<RegisterInput>(registerSchema);
export const parseLogin = createValidator<LoginInput>(loginSchema);
export const parseProfile = createValidator<ProfilePatch>(profileSchema);
export const parseAddress = createValidator<AddressFields>(addressSchema);
export const parseAddressPatch = createValidator<Partial<AddressFields>>(addressPatchSchema);
const parseListObject = createValidator<{ q?: string; page: string; pageSize: string }>(listSchema);
const parseParamsObject = createValidator<{ id?: string }>(paramsSchema);

/** `:id` route parameter, a UUID. */
export function parseId(params: Record<string, unknown>): string {
  return parseParamsObject({ ...params }).id ?? '';
}

/** `?q=&page=&pageSize=` of the customer list. */
export function parseList(query: unknown): {
  q?: string;
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
} {
  const checked = parseListObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return { q: checked.q?.trim() || undefined, page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

const text = (body: Record<string, unknown>, name: string) => String(body[name] ?? '').trim();
const optional = (body: Record<string, unknown>, name: string) => text(body, name) || null;

/** An address form post (urlencoded strings, `isDefault` a checkbox) as address input. */
export function addressFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return {
    name: text(body, 'name'),
    line1: text(body, 'line1'),
    line2: optional(body, 'line2'),
    postalCode: text(body, 'postalCode'),
    city: text(body, 'city'),
    region: optional(body, 'region'),
    country: text(body, 'country').toUpperCase(),
    phone: optional(body, 'phone'),
    isDefault: body.isDefault === 'on' || body.isDefault === 'true',
  };
}

/** A profile form post as profile input (an empty phone removes it). */
export function profileFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return { name: text(body, 'name'), phone: optional(body, 'phone') };
}

/** Form fields of the register and login forms (`_csrf` is checked separately). */
export function credentialsFromForm(body: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((name) => [name, name === 'password' ? String(body[name] ?? '') : text(body, name)]),
  );
}
