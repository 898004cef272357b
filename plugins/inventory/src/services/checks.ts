import { validationError } from '@wizamart/plugin-sdk';

export { isUuid } from '@wizamart/plugin-sdk';

/** A positive whole number up to `max`, else 400 `WZ_VALIDATION` (service callers are other plugins, not ajv). */
export function checkQuantity(value: number, name: string, max = 1_000_000): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const code = !Number.isInteger(value) ? 'not_integer' : value < 1 ? 'too_small' : 'too_large';
    throw validationError([{ path: `/${name}`, code, params: { limit: value < 1 ? 1 : max } }]);
  }
}
