import { fieldErrorsOf, fieldMessage } from '@wizamart/plugin-sdk';
import type { FormErrors } from '../index.js';

/** How {@link formErrors} words the messages. */
export interface FormErrorWording {
  language: string;
  /** The sentence above a form with field errors. */
  summary: string;
  /** Translates a hint key. */
  hint(key: string): string;
  /** Field → hint key, said instead of the generic message when the field is wrong but not empty. */
  hints: Readonly<Record<string, string>>;
}

/**
 * The messages a form shows for `error`: one per field of a `WZ_VALIDATION` error (the first wins) in the page's
 * language, and `summary` above the form; any other error shows its own message and no field messages.
 */
export function formErrors(error: unknown, wording: FormErrorWording): FormErrors {
  const fields: Record<string, string> = {};
  for (const field of fieldErrorsOf(error)) {
    const name = field.path.replace(/^\//, '');
    const hint = field.code === 'required' ? undefined : wording.hints[name];
    fields[name] ??= hint ? wording.hint(hint) : fieldMessage(field, wording.language);
  }
  if (Object.keys(fields).length > 0) return { message: wording.summary, fields };
  return { message: error instanceof Error ? error.message : String(error), fields };
}
