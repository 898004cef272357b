import {
  account,
  code,
  currency,
  domain,
  email,
  listQuery,
  locale,
  name,
  password,
  permissions,
  roleName,
  uuid,
} from './common.schema.js';

/** Request schemas of tenancy's APIs (also used by its pages after form values are normalised). */

const object = (properties: Record<string, unknown>, required: string[] = [], minProperties = 0) => ({
  type: 'object',
  additionalProperties: false,
  required,
  minProperties,
  properties,
});

export const listSchema = listQuery;
export const platformCreateSchema = object({ code, name, domain: { anyOf: [domain, { type: 'null' }] } }, [
  'code',
  'name',
]);
export const platformUpdateSchema = object({ name, domain: { anyOf: [domain, { type: 'null' }] } }, [], 1);
export const merchantCreateSchema = object({ name, email: { anyOf: [email, { type: 'null' }] } }, ['name']);
export const merchantUpdateSchema = object({ name, email: { anyOf: [email, { type: 'null' }] } }, [], 1);
export const storeCreateSchema = object(
  { code, name, merchantId: uuid, platform: code, currency, locale, owner: object(account, ['email']) },
  ['code', 'name', 'merchantId', 'platform'],
);
export const storeUpdateSchema = object({ name, merchantId: uuid, currency, locale }, [], 1);
export const storeSettingsSchema = object({ name, currency, locale }, [], 1);
export const domainSchema = object({ domain }, ['domain']);
export const adminCreateSchema = object(account, ['email']);
export const memberAddSchema = object({ ...account, role: roleName }, ['email', 'role']);
export const memberRoleSchema = object({ role: roleName }, ['role']);
export const roleCreateSchema = object({ name: roleName, permissions }, ['name', 'permissions']);
export const roleUpdateSchema = object({ permissions }, ['permissions']);
export const idParamSchema = uuid;
export const createAdminArgsSchema = object({ email, name, password }, ['email', 'password']);
