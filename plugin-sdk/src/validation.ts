import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { validationError, type FieldErrorInput } from './field-errors.js';

/**
 * One failing field as `details.problems` listed it before 0.2.
 *
 * @deprecated Read `details.fields` ({@link FieldError}: path, code, message); `details.problems` goes in 0.3.
 */
export interface ValidationProblem {
  /** JSON pointer of the failing value; for a missing or unknown property, the property's own path. */
  path: string;
  /** What is wrong, in English. */
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true, coerceTypes: false });
(addFormats as unknown as (instance: Ajv) => void)(ajv);

const LIMITS: Record<string, FieldErrorInput['code']> = {
  maxLength: 'too_long',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  maximum: 'too_large',
  exclusiveMaximum: 'too_large',
  minItems: 'too_few',
  maxItems: 'too_many',
};

function limitOf(error: ErrorObject): Record<string, unknown> {
  const exclusive = error.keyword.startsWith('exclusive');
  return exclusive ? { limit: error.params.limit, exclusive: true } : { limit: error.params.limit };
}

/** One ajv error as a field error without its message (filled in by `validationError`). */
export function toFieldError(error: ErrorObject): FieldErrorInput {
  const at = error.instancePath || '/';
  const { keyword, params } = error;
  if (keyword === 'required')
    return { path: `${error.instancePath}/${String(params.missingProperty)}`, code: 'required' };
  if (keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${String(params.additionalProperty)}`, code: 'not_allowed' };
  }
  if (keyword === 'minLength') {
    return Number(params.limit) <= 1
      ? { path: at, code: 'required' }
      : { path: at, code: 'too_short', params: { limit: params.limit } };
  }
  if (LIMITS[keyword]) return { path: at, code: LIMITS[keyword], params: limitOf(error) };
  if (keyword === 'type')
    return { path: at, code: params.type === 'integer' ? 'not_integer' : 'bad_type', params: { type: params.type } };
  if (keyword === 'format') return { path: at, code: 'bad_format', params: { format: params.format } };
  if (keyword === 'pattern') return { path: at, code: 'bad_pattern' };
  if (keyword === 'enum') return { path: at, code: 'not_one_of', params: { allowed: params.allowedValues } };
  if (keyword === 'const') return { path: at, code: 'not_one_of', params: { allowed: [params.allowedValue] } };
  if (keyword === 'uniqueItems') return { path: at, code: 'not_unique' };
  return { path: at, code: 'invalid' };
}

// Lower ranks win when one path has several errors: an anyOf/oneOf reports every branch that failed (`must be null`
// beside the real `must match format "email"`) and then itself; people need only the most telling one.
function rank(error: ErrorObject, field: FieldErrorInput): number {
  if (field.code === 'required') return 0;
  if (['anyOf', 'oneOf', 'if', 'not', 'then', 'else'].includes(error.keyword)) return 3;
  if (error.keyword === 'type') return error.schemaPath.includes('Of/') ? 2 : 1;
  return 1;
}

/** One field error per path, the most telling ajv error for each (see `rank`). */
export function toFieldErrors(errors: ErrorObject[]): FieldErrorInput[] {
  const best = new Map<string, { error: ErrorObject; field: FieldErrorInput }>();
  for (const error of errors) {
    const field = toFieldError(error);
    const known = best.get(field.path);
    if (!known || rank(error, field) < rank(known.error, known.field)) best.set(field.path, { error, field });
  }
  return [...best.values()].map((entry) => entry.field);
}

/**
 * Compiles a JSON Schema once (on the first call) and returns a function that checks a value, applies defaults and
 * returns it typed, or throws a 400 `WZ_VALIDATION` error whose `details.fields` lists one {@link FieldError} per
 * failing path (`path`, `code`, an English `message` without schema text) and whose message names the fields
 * ("Some fields need attention: title, price"). `details.problems` (path and message) is deprecated and goes in 0.3.
 * ajv runs in strict mode with `ajv-formats` (`email`, `uuid`, `date-time`, …) and without type coercion; defaults
 * are written into the value. Schemas carry no custom messages (ajv-errors is not used): the message follows the
 * code, and a form explains a format in the field's help text.
 *
 * @example
 * ```ts
 * const parseBody = createValidator<{ title: string }>({
 *   type: 'object', required: ['title'], additionalProperties: false,
 *   properties: { title: { type: 'string', minLength: 1 } },
 * });
 * const body = parseBody(req.body);
 * ```
 */
export function createValidator<T>(schema: Record<string, unknown>): (value: unknown) => T {
  // Compiled on first use: plugins create their validators in `register`, and compiling every route's schema there
  // was the largest part of a host's boot.
  let validate: ValidateFunction | undefined;
  return (value) => {
    validate ??= ajv.compile(schema);
    if (validate(value)) return value as T;
    throw validationError(toFieldErrors(validate.errors ?? []));
  };
}
