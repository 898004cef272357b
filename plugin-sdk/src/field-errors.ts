import { isWizamartError, WizamartError } from './errors.js';
import { FIELD_MESSAGES } from './field-messages.js';

/**
 * What is wrong with a field, stable for clients to branch on. `required` also covers an empty string where one
 * character is the minimum; `bad_format` says which format in `params.format` (`email`, `uri`, `hostname`, `uuid`…).
 */
export type FieldErrorCode =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_large'
  | 'too_few'
  | 'too_many'
  | 'not_integer'
  | 'bad_type'
  | 'bad_format'
  | 'bad_pattern'
  | 'not_allowed'
  | 'not_one_of'
  | 'not_unique'
  | 'taken'
  | 'reserved'
  | 'invalid';

/**
 * One failing field of a 400 `WZ_VALIDATION` error, in `details.fields`. The `message` is English and never quotes
 * schema text or a pattern; {@link fieldMessage} gives it in another language.
 */
export interface FieldError {
  /** JSON pointer of the field (`/title`, `/variants/0/price`); a missing property's own path. */
  path: string;
  /** What is wrong, see {@link FieldErrorCode}. */
  code: FieldErrorCode;
  /** A sentence for people, in English ("Enter a valid e-mail address", "Must be at least 0"). */
  message: string;
  /** Values the message needs: `limit` for sizes, `format` for `bad_format`, `allowed` for `not_one_of`. */
  params?: Record<string, unknown>;
}

/** A field error before its English message is filled in (see {@link validationError}). */
export type FieldErrorInput = Omit<FieldError, 'message'> & { message?: string };

type Language = keyof typeof FIELD_MESSAGES;

function template(code: string, params: Record<string, unknown> | undefined, language: Language): string | undefined {
  const messages = FIELD_MESSAGES[language];
  const format = typeof params?.format === 'string' ? params.format : undefined;
  const refined =
    code === 'bad_format' && format ? `bad_format.${format}` : params?.exclusive ? `${code}.exclusive` : code;
  return messages[refined] ?? messages[code];
}

/**
 * The message of a field error in `language` (`en`, `de`, `fr`, `lb`; a tag such as `de-LU` counts as `de`; others
 * fall back to English). A code the SDK does not know keeps the error's own message.
 *
 * @example
 * ```ts
 * fieldMessage({ path: '/price', code: 'too_small', params: { limit: 0 } }, 'de'); // "Muss mindestens 0 sein"
 * ```
 */
export function fieldMessage(
  field: Pick<FieldError, 'code' | 'params'> & { message?: string },
  language = 'en',
): string {
  const primary = language.toLowerCase().split(/[-_]/)[0] as Language;
  const lang: Language = primary in FIELD_MESSAGES ? primary : 'en';
  const text = template(field.code, field.params, lang) ?? field.message ?? template('invalid', undefined, lang) ?? '';
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = field.params?.[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The field a path names for people: its last segment that is not an array index (`/variants/0/price` → `price`). */
export function fieldName(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return segments.at(-1) ?? '';
}

/**
 * A 400 `WZ_VALIDATION` error for failing fields, as {@link createValidator} throws it: `details.fields` (with English
 * messages filled in), the deprecated `details.problems` and a short message naming the fields.
 *
 * @example
 * ```ts
 * throw validationError([{ path: '/slug', code: 'taken' }]);
 * ```
 */
export function validationError(inputs: FieldErrorInput[]): WizamartError {
  const fields = inputs.map((input) => ({ ...input, message: input.message ?? fieldMessage(input) }));
  const names = [...new Set(fields.map((field) => fieldName(field.path)).filter(Boolean))];
  const message = names.length > 0 ? `Some fields need attention: ${names.join(', ')}` : 'The input is not valid';
  const problems = fields.map(({ path, message: text }) => ({ path, message: text }));
  return new WizamartError('WZ_VALIDATION', message, { status: 400, details: { fields, problems } });
}

/**
 * The field errors of a `WZ_VALIDATION` error (`details.fields`; an error that only has the older `details.problems`
 * gives code `invalid`, or `required`); any other error gives `[]`.
 */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!isWizamartError(error) || error.code !== 'WZ_VALIDATION') return [];
  if (Array.isArray(error.details.fields)) return error.details.fields as FieldError[];
  const problems = Array.isArray(error.details.problems)
    ? (error.details.problems as Array<{ path?: unknown; message?: unknown }>)
    : [];
  return problems.map((problem) => {
    const message = String(problem.message ?? '');
    return { path: String(problem.path ?? '/'), code: message === 'is required' ? 'required' : 'invalid', message };
  });
}
