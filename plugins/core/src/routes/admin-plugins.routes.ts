import { contextOf, createValidator, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { PluginAdminService } from '../services/plugin-admin.service.js';

/** `{ dryRun?, release? }` of an enable or disable request. */
const parseChange = createValidator<{ dryRun?: boolean; release?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: { dryRun: { type: 'boolean' }, release: { type: 'boolean' } },
});

/**
 * `/api/v1/admin/platforms/<platform>/plugins`: the installed plugins with their enablement on a platform, enable and
 * disable with the cascade (`{ dryRun, release }`), and the audit trail of applied changes. Mounted at the admin API
 * root: plugin enablement is the host's, not a resource of one plugin.
 */
export function adminPluginsApi(routes: PluginRoutes, plugins: PluginAdminService): Router {
  const router = routes.router();
  router.get('/platforms/:platform/plugins', permit(), async (req, res) => {
    res.json(await plugins.list(String(req.params.platform)));
  });
  router.get('/platforms/:platform/plugins/audit', permit(), async (req, res) => {
    res.json({ items: await plugins.audit(String(req.params.platform)) });
  });
  for (const action of ['enable', 'disable'] as const) {
    router.post(`/platforms/:platform/plugins/:code/${action}`, permit(), async (req, res) => {
      const input = parseChange(req.body ?? {});
      const [platform, code] = [String(req.params.platform), String(req.params.code)];
      res.json(await plugins.change(contextOf(req).actor, platform, code, action, input));
    });
  }
  return router;
}
