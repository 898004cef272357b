import { defineErrors } from '@wizamart/plugin-sdk';

type Provider = { provider: string };

/** The payments plugin's errors (codes documented in docs/errors.md, "payments plugin"). */
export const paymentsErrors = defineErrors({
  WZ_PAYMENTS_NOT_FOUND: { status: 404, message: 'No such payment in this store' },
  WZ_PAYMENTS_INVALID_STATE: {
    status: 409,
    message: (p: { status: string; action: string }) => `A ${p.status} payment cannot be asked to ${p.action}`,
  },
  WZ_PAYMENTS_REFUND_EXCEEDS_CAPTURED: {
    status: 409,
    message: (p: { requested: number; refundable: number }) => `Only ${p.refundable} (minor units) is left to refund`,
  },
  WZ_PAYMENTS_PROVIDER_UNKNOWN: {
    status: 404,
    message: (p: Provider) => `No payment provider "${p.provider}" is installed`,
  },
  WZ_PAYMENTS_PROVIDER_NOT_OFFERED: {
    status: 409,
    message: (p: Provider) => `This store does not offer the payment provider "${p.provider}"`,
  },
  WZ_PAYMENTS_PROVIDER_TAKEN: {
    status: 409,
    message: (p: Provider) => `A payment provider "${p.provider}" is registered already`,
  },
  WZ_PAYMENTS_PROVIDER_DECLINED: {
    status: 402,
    message: (p: { action: string; code: string; reason: string }) =>
      `The payment provider refused to ${p.action}: ${p.reason}`,
  },
  WZ_PAYMENTS_NOT_OFFLINE: {
    status: 409,
    message: (p: Provider) => `Payments of "${p.provider}" are settled by the provider, not marked paid by the store`,
  },
  WZ_PAYMENTS_IDEMPOTENCY_MISMATCH: { status: 422, message: 'This idempotency key was used for a different payment' },
  WZ_PAYMENTS_SIGNATURE_MISSING: {
    status: 400,
    message: 'The Wizamart-Signature header is missing or malformed (expected t=<unix>,v1=<hex>)',
  },
  WZ_PAYMENTS_SIGNATURE_INVALID: { status: 400, message: 'The webhook signature does not match' },
  WZ_PAYMENTS_SIGNATURE_EXPIRED: {
    status: 400,
    message: (p: { toleranceSeconds: number }) =>
      `The webhook timestamp is more than ${p.toleranceSeconds} seconds away from the server clock`,
  },
  WZ_PAYMENTS_WEBHOOK_INVALID: {
    status: 400,
    message: (p: { problem: string }) => `The webhook payload is not valid: ${p.problem}`,
  },
  WZ_PAYMENTS_RAW_BODY_UNAVAILABLE: {
    status: 415,
    message:
      'The raw request body was parsed before the signature could be checked; send the webhook as ' +
      'application/octet-stream (or text/plain), or run a host that keeps raw JSON bodies',
  },
});

const errors = paymentsErrors;
export const paymentNotFound = () => errors.WZ_PAYMENTS_NOT_FOUND();
export const invalidState = (status: string, action: string) => errors.WZ_PAYMENTS_INVALID_STATE({ status, action });
export const refundExceedsCaptured = (requested: number, refundable: number) =>
  errors.WZ_PAYMENTS_REFUND_EXCEEDS_CAPTURED({ requested, refundable });
export const providerUnknown = (provider: string) => errors.WZ_PAYMENTS_PROVIDER_UNKNOWN({ provider });
export const providerNotOffered = (provider: string) => errors.WZ_PAYMENTS_PROVIDER_NOT_OFFERED({ provider });
export const providerTaken = (provider: string) => errors.WZ_PAYMENTS_PROVIDER_TAKEN({ provider });
export const providerDeclined = (action: string, code: string, reason: string) =>
  errors.WZ_PAYMENTS_PROVIDER_DECLINED({ action, code, reason }, { details: { action, code } });
export const notOffline = (provider: string) => errors.WZ_PAYMENTS_NOT_OFFLINE({ provider });
export const idempotencyMismatch = () => errors.WZ_PAYMENTS_IDEMPOTENCY_MISMATCH();
export const signatureMissing = () => errors.WZ_PAYMENTS_SIGNATURE_MISSING();
export const signatureInvalid = () => errors.WZ_PAYMENTS_SIGNATURE_INVALID();
export const signatureExpired = (toleranceSeconds: number) =>
  errors.WZ_PAYMENTS_SIGNATURE_EXPIRED({ toleranceSeconds });
export const webhookInvalid = (problem: string) => errors.WZ_PAYMENTS_WEBHOOK_INVALID({ problem });
export const rawBodyUnavailable = () => errors.WZ_PAYMENTS_RAW_BODY_UNAVAILABLE();
