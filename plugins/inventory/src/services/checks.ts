import { WizamartError } from '@wizamart/plugin-sdk';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A positive whole number up to `max`, else 400 `WZ_VALIDATION` (service callers are other plugins, not ajv). */
export function checkQuantity(value: number, name: string, max = 1_000_000): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new WizamartError('WZ_VALIDATION', `Invalid input: /${name} must be a whole number from 1 to ${max}`, { status: 400, details: { problems: [{ path: `/${name}`, message: `must be a whole number from 1 to ${max}` }] } });
  }
}
