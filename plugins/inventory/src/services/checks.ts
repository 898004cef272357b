import { validationError } from '@wizamart/plugin-sdk';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A positive whole number up to `max`, else 400 `WZ_VALIDATION` (service callers are other plugins, not ajv). */
export function checkQuantity(value: number, name: string, max = 1_000_000): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const code = !Number.isInteger(value) ? 'not_integer' : value < 1 ? 'too_small' : 'too_large';
    throw validationError([{ path: `/${name}`, code, params: { limit: value < 1 ? 1 : max } }]);
  }
}
