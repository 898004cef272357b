import { HOST_ERROR_CATALOG } from './host-errors.js';

/** Options for {@link WizamartError}: the HTTP status, safe details and the underlying cause. */
export interface WizamartErrorOptions {
  /** HTTP status; defaults to the host catalog status of the code, else 500. */
  status?: number;
  /** Details safe to show to the caller (never secrets or stack traces). */
  details?: Record<string, unknown>;
  /** The error that caused this one; logged, never sent to clients. */
  cause?: unknown;
}

/** The `{ code, message, details }` of an error as API bodies carry it. */
export interface ErrorJson {
  /** The stable `WZ_<AREA>_<WHAT>` code. */
  code: string;
  /** A sentence for people. */
  message: string;
  /** Details that are safe to return to a client. */
  details: Record<string, unknown>;
}

/**
 * The one error class of Wizamart: a stable `code`, an HTTP `status` and safe `details`. The host turns it into the
 * API body {@link errorBody} or an error page; any other error becomes `WZ_INTERNAL`. Create it through the
 * factories of a {@link defineErrors} catalog rather than with `new`.
 */
export class WizamartError extends Error {
  /** The stable `WZ_<AREA>_<WHAT>` code. */
  readonly code: string;
  /** The HTTP status an API answers with. */
  readonly status: number;
  /** Details that are safe to return to a client. */
  readonly details: Record<string, unknown>;

  /**
   * @param code - A host code ({@link HostErrorCode}) or the plugin's own `WZ_<PLUGIN>_<WHAT>` code.
   * @param message - A sentence for people: what went wrong and, where it helps, what to do.
   * @param options - Status (defaults to the host catalog status, else 500), safe details and the cause.
   */
  constructor(code: HostErrorCode | (string & {}), message: string, options: WizamartErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WizamartError';
    this.code = code;
    const known = (HOST_ERROR_CATALOG as Record<string, { status: number } | undefined>)[code];
    this.status = options.status ?? known?.status ?? 500;
    this.details = options.details ?? {};
  }

  /** The `{ code, message, details }` shape used in API error bodies. */
  toJSON(): ErrorJson {
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

/**
 * The JSON body of every error answer: `{ "error": { "code", "message", "details" } }`. The host's error handler
 * and any plugin answering an error itself build it here, so the envelope has one shape.
 *
 * @example
 * ```ts
 * res.status(error.status).json(errorBody(error));
 * ```
 */
export function errorBody(error: Pick<ErrorJson, 'code' | 'message'> & { details?: ErrorJson['details'] }): {
  error: ErrorJson;
} {
  return { error: { code: error.code, message: error.message, details: error.details ?? {} } };
}

/** One entry of an error catalog: the HTTP status and the message, fixed or built from typed parameters. */
export interface ErrorSpec {
  /** The HTTP status an API answers with (100–599). */
  readonly status: number;
  /** The message, or a function building it from the parameters the factory takes (which become the details). */
  readonly message: string | ((params: never) => string);
}

/** An error catalog: `WZ_<AREA>_<WHAT>` codes to their {@link ErrorSpec}. */
export type ErrorCatalog = { readonly [code: `WZ_${string}`]: ErrorSpec };

/** What an error factory takes besides its parameters. */
export interface ErrorFactoryOptions {
  /** The details to send instead of the parameters (default: the parameters, or none). */
  details?: Record<string, unknown>;
  /** The error that caused this one; logged, never sent to clients. */
  cause?: unknown;
}

/** The error a factory of code `C` returns: a {@link WizamartError} whose `code` is the literal `C`. */
export type CatalogError<C extends string> = WizamartError & { readonly code: C };

/** The factory of one catalog entry: parameters typed from the message function, or none for a fixed message. */
export type ErrorFactory<C extends string, S> = S extends { readonly message: (params: infer P) => string }
  ? (params: P, options?: ErrorFactoryOptions) => CatalogError<C>
  : (options?: ErrorFactoryOptions) => CatalogError<C>;

/** What {@link defineErrors} returns: one factory per code, and the catalog itself. */
export type ErrorFactories<Catalog extends ErrorCatalog> = {
  readonly [C in keyof Catalog & string]: ErrorFactory<C, Catalog[C]>;
} & {
  /** The catalog the factories were made from (read by the error-table test and tools). */
  readonly catalog: Catalog;
};

/** The form every code takes: `WZ_<AREA>_<WHAT>`, upper case letters and digits. */
export const ERROR_CODE_PATTERN = /^WZ_[A-Z0-9]+(_[A-Z0-9]+)+$/;

/** The generic family the host keeps for any area: they predate the `WZ_<AREA>_<WHAT>` rule. */
const GENERIC_CODES = new Set(['WZ_VALIDATION', 'WZ_INTERNAL']);

function checkSpec(code: string, spec: ErrorSpec): void {
  if (!ERROR_CODE_PATTERN.test(code) && !GENERIC_CODES.has(code)) {
    throw new TypeError(`Error code "${code}" does not follow WZ_<AREA>_<WHAT> (${ERROR_CODE_PATTERN.source})`);
  }
  if (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599) {
    throw new TypeError(`Error code ${code} has the status ${spec.status}; use an HTTP status from 100 to 599`);
  }
  if (typeof spec.message !== 'string' && typeof spec.message !== 'function') {
    throw new TypeError(`Error code ${code} needs a message: a string or a function of its parameters`);
  }
}

function factoryOf(code: string, spec: ErrorSpec): (...args: unknown[]) => WizamartError {
  const { status, message } = spec;
  if (typeof message === 'string') {
    return (options?: unknown) => {
      const { details, cause } = (options ?? {}) as ErrorFactoryOptions;
      return new WizamartError(code, message, { status, details, cause });
    };
  }
  return (params: unknown, options?: unknown) => {
    const { details, cause } = (options ?? {}) as ErrorFactoryOptions;
    const text = (message as (params: unknown) => string)(params);
    return new WizamartError(code, text, { status, details: details ?? (params as Record<string, unknown>), cause });
  };
}

/**
 * Defines a catalog of error codes and returns one typed factory per code (in the way of Fastify's `createError`).
 * A factory of a message function takes that function's parameters, which also become the error's `details`
 * (unless a `details` option is given); a fixed message takes only the options. Codes are checked here
 * (`WZ_<AREA>_<WHAT>`, a status from 100 to 599); a misspelt code does not compile where it is used.
 *
 * @example
 * ```ts
 * export const errors = defineErrors({
 *   WZ_CART_LINE_NOT_FOUND: { status: 404, message: 'No such line in your cart' },
 *   WZ_CART_QUANTITY_LIMIT: { status: 422, message: (p: { max: number }) => `A cart line holds 1 to ${p.max} units` },
 * });
 * throw errors.WZ_CART_QUANTITY_LIMIT({ max: 5 }); // 422, details { max: 5 }
 * ```
 */
export function defineErrors<const Catalog extends ErrorCatalog>(catalog: Catalog): ErrorFactories<Catalog> {
  const factories: Record<string, unknown> = { catalog };
  for (const [code, spec] of Object.entries(catalog) as Array<[string, ErrorSpec]>) {
    checkSpec(code, spec);
    factories[code] = factoryOf(code, spec);
  }
  return Object.freeze(factories) as ErrorFactories<Catalog>;
}

/**
 * The host's and the SDK's own errors as factories, e.g. `hostErrors.WZ_NOT_FOUND({ path })`; plugins use the
 * generic ones (`WZ_NOT_FOUND`, `WZ_AUTH_FORBIDDEN`, …) and define their own codes with {@link defineErrors}.
 */
export const hostErrors = defineErrors(HOST_ERROR_CATALOG);

/** A stable error code of the host or SDK. */
export type HostErrorCode = keyof typeof hostErrors.catalog;

/**
 * Every host code with its HTTP status.
 *
 * @deprecated Read `hostErrors.catalog` (status and message per code); `ERROR_CODES` goes in 0.3.
 */
export const ERROR_CODES = Object.fromEntries(
  Object.entries(HOST_ERROR_CATALOG).map(([code, spec]) => [code, spec.status]),
) as { readonly [C in HostErrorCode]: number };
