import { WizamartError } from '@wizamart/plugin-sdk';

/** The payments plugin's errors (codes documented in docs/errors.md, "payments plugin"). */

export function paymentNotFound(): WizamartError {
  return new WizamartError('WZ_PAYMENTS_NOT_FOUND', 'No such payment in this store', { status: 404 });
}

export function invalidState(status: string, action: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_INVALID_STATE', `A ${status} payment cannot be asked to ${action}`, { status: 409, details: { status, action } });
}

export function refundExceedsCaptured(requested: number, refundable: number): WizamartError {
  return new WizamartError('WZ_PAYMENTS_REFUND_EXCEEDS_CAPTURED', `Only ${refundable} (minor units) is left to refund`, { status: 409, details: { requested, refundable } });
}

export function providerUnknown(provider: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_PROVIDER_UNKNOWN', `No payment provider "${provider}" is installed`, { status: 404, details: { provider } });
}

export function providerNotOffered(provider: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_PROVIDER_NOT_OFFERED', `This store does not offer the payment provider "${provider}"`, { status: 409, details: { provider } });
}

export function providerTaken(provider: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_PROVIDER_TAKEN', `A payment provider "${provider}" is registered already`, { status: 409, details: { provider } });
}

export function providerDeclined(action: string, code: string, message: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_PROVIDER_DECLINED', `The payment provider refused to ${action}: ${message}`, { status: 402, details: { action, code } });
}

export function notOffline(provider: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_NOT_OFFLINE', `Payments of "${provider}" are settled by the provider, not marked paid by the store`, { status: 409, details: { provider } });
}

export function idempotencyMismatch(): WizamartError {
  return new WizamartError('WZ_PAYMENTS_IDEMPOTENCY_MISMATCH', 'This idempotency key was used for a different payment', { status: 422 });
}

export function signatureMissing(): WizamartError {
  return new WizamartError('WZ_PAYMENTS_SIGNATURE_MISSING', 'The Wizamart-Signature header is missing or malformed (expected t=<unix>,v1=<hex>)', { status: 400 });
}

export function signatureInvalid(): WizamartError {
  return new WizamartError('WZ_PAYMENTS_SIGNATURE_INVALID', 'The webhook signature does not match', { status: 400 });
}

export function signatureExpired(toleranceSeconds: number): WizamartError {
  return new WizamartError('WZ_PAYMENTS_SIGNATURE_EXPIRED', `The webhook timestamp is more than ${toleranceSeconds} seconds away from the server clock`, { status: 400, details: { toleranceSeconds } });
}

export function webhookInvalid(problem: string): WizamartError {
  return new WizamartError('WZ_PAYMENTS_WEBHOOK_INVALID', `The webhook payload is not valid: ${problem}`, { status: 400, details: { problem } });
}

export function rawBodyUnavailable(): WizamartError {
  return new WizamartError('WZ_PAYMENTS_RAW_BODY_UNAVAILABLE',
    'The raw request body was parsed before the signature could be checked; send the webhook as application/octet-stream (or text/plain), or run a host that keeps raw JSON bodies', { status: 415 });
}
