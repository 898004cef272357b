import { createValidator } from '@wizamart/plugin-sdk';
import * as schemas from './schemas/tenancy.schema.js';
import type { AccountInput } from '../services/user.service.js';

/** Compiled validators (400 `WZ_VALIDATION` on bad input). */
export const validate = {
  list: createValidator<{
    q?: string;
    page?: string;
    pageSize?: string;
    platform?: string;
    status?: 'active' | 'suspended';
    action?: string;
  }>(schemas.listSchema),
  platformCreate: createValidator<{ code: string; name: string; domain?: string | null }>(schemas.platformCreateSchema),
  platformUpdate: createValidator<{ name?: string; domain?: string | null }>(schemas.platformUpdateSchema),
  merchantCreate: createValidator<{ name: string; email?: string | null }>(schemas.merchantCreateSchema),
  merchantUpdate: createValidator<{ name?: string; email?: string | null }>(schemas.merchantUpdateSchema),
  storeCreate: createValidator<{
    code: string;
    name: string;
    merchantId: string;
    platform: string;
    currency?: string;
    locale?: string;
    owner?: AccountInput;
  }>(schemas.storeCreateSchema),
  storeUpdate: createValidator<{ name?: string; merchantId?: string; currency?: string; locale?: string }>(
    schemas.storeUpdateSchema,
  ),
  storeSettings: createValidator<{ name?: string; currency?: string; locale?: string }>(schemas.storeSettingsSchema),
  domain: createValidator<{ domain: string }>(schemas.domainSchema),
  adminCreate: createValidator<AccountInput>(schemas.adminCreateSchema),
  memberAdd: createValidator<AccountInput & { role: string }>(schemas.memberAddSchema),
  memberRole: createValidator<{ role: string }>(schemas.memberRoleSchema),
  roleCreate: createValidator<{ name: string; permissions: string[] }>(schemas.roleCreateSchema),
  roleUpdate: createValidator<{ permissions: string[] }>(schemas.roleUpdateSchema),
  id: createValidator<string>(schemas.idParamSchema),
  createAdminArgs: createValidator<{ email: string; name?: string; password: string }>(schemas.createAdminArgsSchema),
};

/** Paging of list endpoints: page from 1, page size 1–100 (default 20). */
export function paging(query: unknown): {
  q?: string;
  page: number;
  pageSize: number;
  platform?: string;
  status?: 'active' | 'suspended';
  action?: string;
} {
  const parsed = validate.list(query);
  return {
    ...parsed,
    q: parsed.q?.trim() || undefined,
    page: Number(parsed.page ?? 1),
    pageSize: Math.min(100, Number(parsed.pageSize ?? 20)),
  };
}

/**
 * Form posts carry strings: empty fields mean "not given", and the page-only fields (`_csrf`, `next`) are not part
 * of the API input.
 */
export function formInput(body: unknown, arrays: string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf' || key === 'next' || key === '_method') continue;
    if (arrays.includes(key))
      input[key] = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
    else if (value !== '') input[key] = value;
  }
  for (const key of arrays) input[key] ??= [];
  return input;
}
