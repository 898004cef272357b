/** The store a service call works for, always taken from the request's resolved tenant (never from client input). */
export interface StoreRef {
  id: string;
  code: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID; ids from URLs are checked before they reach a `uuid` column (which would fail the query). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
