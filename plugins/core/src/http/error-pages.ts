import type { Response } from 'express';

type RenderCallback = (error: Error | null, html?: string) => void;
type Render = (view: string, options?: object, callback?: RenderCallback) => void;

/**
 * Makes the host's page error view (`error`) render as `core/error`, inside the layout of the request's surface.
 * The host's error handler calls `res.render('error', { status, error, requestId, title }, callback)`; when
 * `core/error` cannot render (say the layout itself failed), the host's plain view renders instead.
 */
export function renderErrorsInLayout(res: Response): void {
  const render = res.render.bind(res) as Render;
  const wrapped: Render = (view, options, callback) => {
    if (view !== 'error' || typeof options !== 'object' || typeof callback !== 'function')
      return render(view, options, callback);
    render('core/error', options, (error, html) => (error ? render('error', options, callback) : callback(null, html)));
  };
  res.render = wrapped as Response['render'];
}
