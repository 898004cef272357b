import type { HttpStage } from '@wizamart/plugin-sdk';

/** One stage of the host's request pipeline, as `wizamart routes` prints it. */
export interface PipelineStage {
  name: string;
  /** `host`, or the plugins that add middleware to a core-plugin stage (in dependency order). */
  by: string[];
  what: string;
}

/**
 * The request pipeline of app.ts in order (DESIGN.md, "Tenancy and the request path"), with the plugins that fill
 * the tenant, theme and auth stages. app.ts builds the pipeline in exactly this order.
 */
export function pipelineStages(stagePlugins: (stage: HttpStage) => string[]): PipelineStage[] {
  const host = ['host'];
  return [
    { name: 'request', by: host, what: 'request id (x-request-id), pino request log, duration metric' },
    { name: 'ops', by: host, what: 'GET /health, /health/live, /health/ready, /metrics' },
    {
      name: 'url-map',
      by: host,
      what: 'matchUrl(path): kind, surface, store, segment; default tenant (platform main)',
    },
    {
      name: 'tenant',
      by: stagePlugins('tenant'),
      what: 'platform and store from host name and path; own-host URL rewrite',
    },
    { name: 'theme', by: stagePlugins('theme'), what: 'language, page locals and layouts, store theme' },
    { name: 'auth', by: stagePlugins('auth'), what: 'bearer or session cookie → principal; CSRF on cookie sessions' },
    { name: 'static', by: host, what: "GET /static/modules/<code>/… from each plugin's static folder" },
    { name: 'enablement', by: host, what: 'plugin of the path enabled on the platform (core always), else 404' },
    { name: 'context', by: host, what: 'body parsing; RequestContext built once (contextOf(req))' },
    { name: 'plugin-router', by: host, what: "the plugin's express router, mounted at its prefix (routes below)" },
    { name: '404', by: host, what: 'WZ_NOT_FOUND when nothing answered' },
    { name: 'errors', by: host, what: 'JSON error envelope for APIs, error page for pages' },
  ];
}
