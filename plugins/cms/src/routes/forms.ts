import { isWizamartError } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, Response } from 'express';

/**
 * The message to show on a form for an error the user can fix (validation, a taken slug, a refused upload);
 * anything else is rethrown for the error page.
 */
export function formProblem(error: unknown): { message: string; problems: Array<{ path: string; message: string }> } {
  if (!isWizamartError(error) || error.status >= 500 || error.status === 401 || error.status === 403) throw error;
  const problems = (error.details.problems as Array<{ path: string; message: string }> | undefined) ?? [];
  return { message: error.message, problems };
}

/**
 * Renders a form again with what the user typed and what is wrong with it (status 400 or the error's own): a sentence
 * on top and, as `errors`, one message per field in the page's language.
 */
export function renderFormProblem(
  ui: CoreUi,
  req: Request,
  res: Response,
  form: { view: string; locals: Record<string, unknown> },
  error: unknown,
): void {
  formProblem(error);
  const { message, fields } = ui.formErrors(req, error);
  const status = (error as { status: number }).status;
  res.status(status).render(form.view, { ...form.locals, error: message, errors: fields });
}
