import { contextOf, hostErrors, isWizamartError, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { CoreUi } from '../index.js';
import type { PluginAdminService } from '../services/plugin-admin.service.js';

const ACTIONS = new Set(['enable', 'disable']);

function actionOf(req: Request): 'enable' | 'disable' {
  const action = String(req.params.action);
  if (!ACTIONS.has(action)) throw hostErrors.WZ_NOT_FOUND({ path: action });
  return action as 'enable' | 'disable';
}

/** `/admin/plugins?platform=<code>`: the console's plugin page. */
function consoleUrl(req: Request, platform: string): string {
  return `${contextOf(req).linkBase}/plugins?platform=${encodeURIComponent(platform)}`;
}

function released(body: unknown): boolean {
  const release = (body as { release?: unknown } | undefined)?.release;
  return release === 'true' || release === 'on';
}

/** Applies a change posted by the confirm page or the console, then back to the console with a flash message. */
async function applyChange(plugins: PluginAdminService, ui: CoreUi, req: Request, res: Response): Promise<void> {
  const action = actionOf(req);
  const [platform, code] = [String(req.params.platform), String(req.params.code)];
  const back = consoleUrl(req, platform);
  try {
    const input = { dryRun: false, release: released(req.body) };
    const { plan } = await plugins.change(contextOf(req).actor, platform, code, action, input);
    const changed = action === 'enable' ? plan.enable : plan.disable;
    const list = changed.length > 0 ? changed.join(', ') : code;
    const message = `${action === 'enable' ? 'Enabled' : 'Disabled'} on ${platform}: ${list}`;
    ui.redirectWithFlash(res, back, { type: 'success', message });
  } catch (error) {
    if (!isWizamartError(error) || error.status >= 500 || error.status === 401) throw error;
    ui.redirectWithFlash(res, back, { type: 'error', message: error.message.slice(0, 240) });
  }
}

/**
 * `/admin/plugins`: every installed plugin with its state, links and a toggle per platform, the dependency graph and
 * the latest changes. A toggle asks for the plan first (a dialog fed by the API's dry run; without JavaScript, the
 * confirm page below), then posts the change. Served by the admin home router, so the page sits at the console root.
 */
export function adminPluginPages(routes: PluginRoutes, plugins: PluginAdminService, ui: CoreUi): Router {
  const router = routes.router();
  router.get('/plugins', permit(), async (req, res) => {
    const asked = typeof req.query.platform === 'string' && req.query.platform ? req.query.platform : undefined;
    const view = await plugins.console(asked ?? contextOf(req).platform);
    res.render('core/admin/plugins', { title: 'Plugins', ...view });
  });
  // The confirm page: the plan of a change before it is applied (what the dialog shows when scripts run).
  router.get('/plugins/:platform/:code/:action', permit(), async (req, res) => {
    const action = actionOf(req);
    const [platform, code] = [String(req.params.platform), String(req.params.code)];
    const release = req.query.release === 'true';
    const { plan } = await plugins.change(contextOf(req).actor, platform, code, action, { dryRun: true, release });
    const title = `${action === 'enable' ? 'Enable' : 'Disable'} ${code}`;
    const back = consoleUrl(req, platform);
    res.render('core/admin/plugin-confirm', { title, platform, code, action, plan, release, back });
  });
  router.post('/plugins/:platform/:code/:action', permit(), (req, res) => applyChange(plugins, ui, req, res));
  return router;
}
