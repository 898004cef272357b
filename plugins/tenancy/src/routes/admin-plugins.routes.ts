import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { validate } from './validators.js';

/**
 * `/api/v1/admin/platforms/<platform>/plugins`: the installed plugins with their enablement on a platform, enable and
 * disable with the cascade (`{ dryRun, release }`), and the audit trail of applied changes. Mounted at the admin API
 * root: plugin enablement is the host's, not a tenancy resource.
 */
export function adminPluginsApi(routes: PluginRoutes, tenancy: Tenancy): Router {
  const router = routes.router();
  router.get('/platforms/:platform/plugins', permit(), async (req, res) => {
    res.json(await tenancy.pluginAdmin.list(String(req.params.platform)));
  });
  router.get('/platforms/:platform/plugins/audit', permit(), async (req, res) => {
    res.json({ items: await tenancy.pluginAdmin.audit(String(req.params.platform)) });
  });
  for (const action of ['enable', 'disable'] as const) {
    router.post(`/platforms/:platform/plugins/:code/${action}`, permit(), async (req, res) => {
      const input = validate.enablementChange(req.body ?? {});
      res.json(await tenancy.pluginAdmin.change(actorOf(req), String(req.params.platform), String(req.params.code), action, input));
    });
  }
  return router;
}
