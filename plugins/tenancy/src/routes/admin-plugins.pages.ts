import { permit, hostErrors, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { baseOf, formAction } from './page-actions.js';
import { formInput } from './validators.js';

const ACTIONS = new Set(['enable', 'disable']);

function actionOf(req: Request): 'enable' | 'disable' {
  const action = String(req.params.action);
  if (!ACTIONS.has(action)) throw hostErrors.WZ_NOT_FOUND({ path: action });
  return action as 'enable' | 'disable';
}

/** `/admin/plugins?platform=<code>`: the console's plugin page. */
function consoleUrl(req: Request, platform: string): string {
  return `${baseOf(req)}/plugins?platform=${encodeURIComponent(platform)}`;
}

/**
 * `/admin/plugins`: every installed plugin with its state, links and a toggle per platform, the dependency graph and
 * the latest changes. A toggle asks for the plan first (a dialog fed by the API's dry run; without JavaScript, the
 * confirm page below), then posts the change. Served by the admin home router, so the page sits at the console root.
 */
export function adminPluginPages(routes: PluginRoutes, tenancy: Tenancy, ui: () => CoreUi | undefined): Router {
  const router = routes.router();
  router.get('/plugins', permit(), async (req, res) => {
    const platform = typeof req.query.platform === 'string' && req.query.platform ? req.query.platform : req.wz.tenant.platform;
    const view = await tenancy.pluginAdmin.console(platform);
    res.render('tenancy/admin/plugins', { title: 'Plugins', ...view });
  });
  // The confirm page: the plan of a change before it is applied (what the dialog shows when scripts run).
  router.get('/plugins/:platform/:code/:action', permit(), async (req, res) => {
    const action = actionOf(req);
    const [platform, code] = [String(req.params.platform), String(req.params.code)];
    const release = req.query.release === 'true';
    const { plan } = await tenancy.pluginAdmin.change(actorOf(req), platform, code, action, { dryRun: true, release });
    res.render('tenancy/admin/plugin-confirm', { title: `${action === 'enable' ? 'Enable' : 'Disable'} ${code}`, platform, code, action, plan, release, back: consoleUrl(req, platform) });
  });
  router.post('/plugins/:platform/:code/:action', permit(), formAction(ui, (req) => consoleUrl(req, String(req.params.platform)), async (req) => {
    const action = actionOf(req);
    const [platform, code] = [String(req.params.platform), String(req.params.code)];
    const { release } = formInput(req.body) as { release?: string };
    const { plan } = await tenancy.pluginAdmin.change(actorOf(req), platform, code, action, { dryRun: false, release: release === 'true' || release === 'on' });
    const changed = action === 'enable' ? plan.enable : plan.disable;
    const list = changed.length > 0 ? changed.join(', ') : code;
    return { to: consoleUrl(req, platform), message: `${action === 'enable' ? 'Enabled' : 'Disabled'} on ${platform}: ${list}` };
  }));
  return router;
}
