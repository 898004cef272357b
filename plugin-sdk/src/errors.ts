/**
 * The host and SDK error catalog: every stable `WZ_*` code with its HTTP status.
 * docs/errors.md documents each one; a test keeps the two in step.
 */
export const ERROR_CODES = {
  WZ_PLUGIN_MANIFEST_INVALID: 500,
  WZ_PLUGIN_DUPLICATE_CODE: 500,
  WZ_PLUGIN_MISSING_DEP: 500,
  WZ_PLUGIN_DEP_VERSION: 500,
  WZ_PLUGIN_HOST_RANGE: 500,
  WZ_PLUGIN_CYCLE: 500,
  WZ_PLUGIN_TIER: 500,
  WZ_PLUGIN_ENTRY: 500,
  WZ_PLUGIN_REGISTER_FAILED: 500,
  WZ_PLUGIN_START_FAILED: 500,
  WZ_PLUGIN_TIMEOUT: 500,
  WZ_PLUGIN_UNDECLARED_DEP: 500,
  WZ_PLUGIN_BLOCKED: 500,
  WZ_PLUGIN_CONFIG_INVALID: 500,
  WZ_PLUGIN_CONTEXT_UNAVAILABLE: 500,
  WZ_SERVICE_NOT_PROVIDED: 500,
  WZ_SERVICE_FOREIGN_TOKEN: 500,
  WZ_SERVICE_DUPLICATE: 500,
  WZ_PLUGIN_DISABLED: 404,
  WZ_PLUGIN_NOT_FOUND: 404,
  WZ_PLUGIN_NOT_LOADED: 409,
  WZ_PLUGIN_CORE_REQUIRED: 409,
  WZ_PLATFORM_NOT_FOUND: 404,
  WZ_PLATFORM_CONFLICT: 409,
  WZ_DB_UNAVAILABLE: 503,
  WZ_MIGRATION_INVALID: 500,
  WZ_MIGRATION_FAILED: 500,
  WZ_MIGRATION_DEPENDENTS: 409,
  WZ_MIGRATION_NOT_FOUND: 404,
  WZ_JOB_UNKNOWN: 400,
  WZ_JOB_STOPPED: 503,
  WZ_CLI_USAGE: 400,
  WZ_AUTH_UNAUTHENTICATED: 401,
  WZ_AUTH_FORBIDDEN: 403,
  WZ_AUTH_ROUTE_UNGUARDED: 500,
  WZ_PLUGIN_STAGE_FORBIDDEN: 500,
  WZ_ROUTE_ALIAS_TAKEN: 500,
  WZ_VALIDATION: 400,
  WZ_PAYLOAD_TOO_LARGE: 413,
  WZ_NOT_FOUND: 404,
  WZ_INTERNAL: 500,
} as const;

/** A stable error code of the host or SDK. Plugins add their own `WZ_<PLUGIN>_*` codes as plain strings. */
export type HostErrorCode = keyof typeof ERROR_CODES;

/** Options for {@link WizamartError}: the HTTP status, safe details and the underlying cause. */
export interface WizamartErrorOptions {
  /** HTTP status; defaults to the catalog status of the code, else 500. */
  status?: number;
  /** Details safe to show to the caller (never secrets or stack traces). */
  details?: Record<string, unknown>;
  /** The error that caused this one; logged, never sent to clients. */
  cause?: unknown;
}

/**
 * The one error class of Wizamart: a stable `code`, an HTTP `status` and safe `details`. The host turns it into the
 * API body `{ "error": { "code", "message", "details" } }` or an error page; any other error becomes `WZ_INTERNAL`.
 *
 * @example
 * ```ts
 * throw new WizamartError('WZ_ORDERS_NOT_FOUND', `Order ${id} does not exist`, { status: 404 });
 * ```
 */
export class WizamartError extends Error {
  /** The stable `WZ_<AREA>_<WHAT>` code. */
  readonly code: string;
  /** The HTTP status an API answers with. */
  readonly status: number;
  /** Details that are safe to return to a client. */
  readonly details: Record<string, unknown>;

  /**
   * @param code - A catalog code ({@link HostErrorCode}) or the plugin's own `WZ_<PLUGIN>_<WHAT>` code.
   * @param message - A sentence for people: what went wrong and, where it helps, what to do.
   * @param options - Status (defaults to the catalog status, else 500), safe details and the cause.
   */
  constructor(code: HostErrorCode | (string & {}), message: string, options: WizamartErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WizamartError';
    this.code = code;
    this.status = options.status ?? (ERROR_CODES as Record<string, number>)[code] ?? 500;
    this.details = options.details ?? {};
  }

  /** The `{ code, message, details }` shape used in API error bodies. */
  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** True when `value` is a {@link WizamartError}, also across copies of the SDK loaded by different packages. */
export function isWizamartError(value: unknown): value is WizamartError {
  if (value instanceof WizamartError) return true;
  const candidate = value as { name?: unknown; code?: unknown; status?: unknown } | null;
  return (
    candidate !== null &&
    typeof candidate === 'object' &&
    candidate.name === 'WizamartError' &&
    typeof candidate.code === 'string' &&
    typeof candidate.status === 'number'
  );
}
