const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `value` is a UUID in its canonical 8-4-4-4-12 hex form, in either case (any version). Ids in Wizamart are
 * UUIDs, so routes and services check a client's id with this before it reaches a query.
 *
 * @example
 * ```ts
 * if (!isUuid(req.params.id)) throw errors.WZ_ORDERS_NOT_FOUND(); // a malformed id is "no such order"
 * ```
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
