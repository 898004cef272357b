import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { WizamartError } from './errors.js';

/** One failing field: a JSON pointer (e.g. `/items/0/quantity`) and what is wrong. */
export interface ValidationProblem {
  /** JSON pointer of the failing value; for a missing or unknown property, the property's own path. */
  path: string;
  /** What is wrong, e.g. `is required`, `is not allowed`, `must be integer`. */
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true, coerceTypes: false });
(addFormats as unknown as (instance: Ajv) => void)(ajv);

function toProblem(error: ErrorObject): ValidationProblem {
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${String(error.params.additionalProperty)}`, message: 'is not allowed' };
  }
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${String(error.params.missingProperty)}`, message: 'is required' };
  }
  return { path: error.instancePath || '/', message: error.message ?? error.keyword };
}

/**
 * Compiles a JSON Schema once (on the first call) and returns a function that checks a value, applies defaults and returns it typed,
 * or throws a 400 `WZ_VALIDATION` error listing every failing path in `details.problems`. ajv runs in strict mode
 * with `ajv-formats` (`email`, `uuid`, `date-time`, …) and without type coercion; defaults are written into the value.
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
    const problems = (validate.errors ?? []).map(toProblem);
    const summary = problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw new WizamartError('WZ_VALIDATION', `Invalid input: ${summary}`, { status: 400, details: { problems } });
  };
}
