import { defineErrors, validationError, type FieldErrorCode } from '@wizamart/plugin-sdk';

type Details = Record<string, unknown>;
type Reason = { reason: string };

/** The tenancy plugin's errors (codes documented in docs/errors.md, "tenancy plugin"). */
export const tenancyErrors = defineErrors({
  WZ_TENANCY_STORE_NOT_FOUND: {
    status: 404,
    message: (p: { store?: string }) => (p.store ? `There is no store "${p.store}" here` : 'There is no store here'),
  },
  WZ_TENANCY_MERCHANT_NOT_FOUND: { status: 404, message: (p: Reason) => p.reason },
  WZ_TENANCY_USER_NOT_FOUND: { status: 404, message: (p: Reason) => p.reason },
  WZ_TENANCY_MEMBER_NOT_FOUND: { status: 404, message: (p: Reason) => p.reason },
  WZ_TENANCY_ROLE_NOT_FOUND: { status: 404, message: (p: Reason) => p.reason },
  WZ_TENANCY_DOMAIN_NOT_FOUND: { status: 404, message: (p: Reason) => p.reason },
  WZ_TENANCY_CONFLICT: { status: 409, message: (p: Reason) => p.reason },
  WZ_TENANCY_LAST_ADMIN: { status: 409, message: (p: Reason) => p.reason },
  WZ_TENANCY_LAST_OWNER: { status: 409, message: (p: Reason) => p.reason },
  WZ_TENANCY_ROLE_IN_USE: { status: 409, message: (p: Reason) => p.reason },
  WZ_TENANCY_MERCHANT_HAS_STORES: { status: 409, message: (p: Reason) => p.reason },
  /** The host's 403, worded for the team or role change refused; `details.missing` lists the permissions. */
  WZ_AUTH_FORBIDDEN: { status: 403, message: (p: Reason & { missing: string[] }) => p.reason },
});

const errors = tenancyErrors;
type NotFoundCode =
  | 'WZ_TENANCY_MERCHANT_NOT_FOUND'
  | 'WZ_TENANCY_USER_NOT_FOUND'
  | 'WZ_TENANCY_MEMBER_NOT_FOUND'
  | 'WZ_TENANCY_ROLE_NOT_FOUND'
  | 'WZ_TENANCY_DOMAIN_NOT_FOUND';
type RefusedCode =
  'WZ_TENANCY_LAST_ADMIN' | 'WZ_TENANCY_LAST_OWNER' | 'WZ_TENANCY_ROLE_IN_USE' | 'WZ_TENANCY_MERCHANT_HAS_STORES';

export const storeNotFound = (code?: string) =>
  errors.WZ_TENANCY_STORE_NOT_FOUND({ store: code }, { details: code ? { store: code } : {} });
export const notFound = (code: NotFoundCode, reason: string, details: Details = {}) =>
  errors[code]({ reason }, { details });
export const conflict = (reason: string, details: Details = {}) => errors.WZ_TENANCY_CONFLICT({ reason }, { details });
export const refused = (code: RefusedCode, reason: string, details: Details = {}) =>
  errors[code]({ reason }, { details });
export const forbidden = (reason: string, missing: string[]) =>
  errors.WZ_AUTH_FORBIDDEN({ reason, missing }, { details: { missing } });
/** A 400 `WZ_VALIDATION` for one field (`details.fields`, see the SDK's `validationError`); `message` is English. */
export const validation = (path: string, message: string, code: FieldErrorCode = 'invalid') =>
  validationError([{ path, code, message }]);
