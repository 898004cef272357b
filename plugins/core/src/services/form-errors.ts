import { fieldErrorsOf, fieldMessage, isWizamartError } from '@wizamart/plugin-sdk';
import type { FormErrors } from '../index.js';

/**
 * The messages a form shows for `error` in `language`: one per field of a `WZ_VALIDATION` error (the first wins) and
 * `summary` above the form; any other error shows its own message and no field messages.
 */
export function formErrors(error: unknown, language: string, summary: string): FormErrors {
  const fields: Record<string, string> = {};
  for (const field of fieldErrorsOf(error)) fields[field.path.replace(/^\//, '')] ??= fieldMessage(field, language);
  if (Object.keys(fields).length > 0) return { message: summary, fields };
  return { message: isWizamartError(error) || error instanceof Error ? error.message : String(error), fields };
}
