import express, { type RequestHandler, type Router } from 'express';
import { hostErrors } from '@wizamart/plugin-sdk';
import type { AliasContribution, RouteContribution } from '../../kernel/contributions.js';
import { buildRequestContext } from './context-builder.js';
import { matchUrl, type UrlMatch } from './url-map.js';

/** Decides whether a plugin is enabled for a platform (the host's enablement store). */
export interface EnablementCheck {
  isEnabled(platform: string, code: string): boolean;
}

/** Mount patterns per kind and surface (DESIGN.md URL map); the plugin code follows. Used as metric labels. */
export const MOUNTS = {
  api: {
    admin: '/api/v1/admin',
    store: '/api/v1/store/:store',
    storefront: '/api/v1/storefront/:store',
    shared: '/api/v1/shared',
  },
  pages: { admin: '/admin', store: '/store/:store', storefront: '/storefront/:store', shared: '' },
} as const;

interface Mounted {
  plugin: string;
  pattern: string;
  core: boolean;
  body: RequestHandler;
  /** The plugin's router itself when it mounted one, else all of them chained. */
  handle: RequestHandler;
}

interface Target {
  mounted: Mounted;
  prefix: string;
  store?: string;
}

const skipBody: RequestHandler = (_req, _res, next) => next();

function locate(mounted: Map<string, Mounted>, match: UrlMatch): Target | undefined {
  const { kind, surface, segment } = match;
  if (kind !== 'api' && kind !== 'pages') return undefined;
  const storeScoped = surface === 'store' || surface === 'storefront';
  // A store code with malformed %-encoding names no store: nothing here (404).
  if (storeScoped && match.store === undefined) return undefined;
  const store = match.store;
  const rootPrefix = match.prefix;
  // The surface root itself (`/admin`, `/store/<store>`, `/storefront/<store>`) goes to the surface's home router.
  const home = segment === undefined && kind === 'pages' ? mounted.get(`home ${surface}`) : undefined;
  if (home) return { mounted: home, prefix: rootPrefix, store };
  const entry = segment === undefined ? undefined : mounted.get(`${kind} ${surface} ${segment}`);
  if (entry) return { mounted: entry, prefix: `${rootPrefix}/${segment}`, store };
  // A page alias (`/storefront/<store>/products`): the plugin's page router, seeing `/<segment>/…`.
  const alias = segment !== undefined && kind === 'pages' ? mounted.get(`alias ${surface} ${segment}`) : undefined;
  if (alias) return { mounted: alias, prefix: rootPrefix, store };
  // No plugin owns the first segment: the surface's API root router (e.g. `/api/v1/admin/me`) or home router (e.g.
  // `/admin/plugins`), if a core plugin mounted one, gets the request.
  const root = mounted.get(kind === 'api' ? `root ${surface}` : `home ${surface}`);
  return root ? { mounted: root, prefix: rootPrefix, store } : undefined;
}

/**
 * Every plugin router behind one middleware that finds the plugin by its code in a map: one lookup per request
 * however many plugins are installed, rather than express testing each mount in turn. In front of each plugin: the
 * per-platform enablement gate (core plugins always pass) and body parsing with a 1 MB limit.
 */
export function pluginDispatch(
  routes: readonly RouteContribution[],
  tierOf: (code: string) => string | undefined,
  enablement: EnablementCheck,
  aliases: readonly AliasContribution[] = [],
  onContext?: () => void,
): RequestHandler {
  const json = express.json({ limit: '1mb' });
  // Shared APIs (webhooks) keep the exact bytes of JSON bodies for signature checks: `req.wz.rawBody`.
  const jsonKeepingBytes = express.json({
    limit: '1mb',
    verify: (req, _res, bytes) => void ((req as express.Request).wz.rawBody = bytes),
  });
  const form = express.urlencoded({ extended: false, limit: '1mb' });
  const groups = new Map<string, RouteContribution[]>();
  for (const route of routes) {
    const id =
      route.kind === 'home' || route.kind === 'root'
        ? `${route.kind} ${route.surface}`
        : `${route.kind} ${route.surface} ${route.plugin}`;
    groups.set(id, [...(groups.get(id) ?? []), route]);
  }
  const mounted = new Map<string, Mounted>();
  for (const [id, group] of groups) {
    const [first] = group;
    const routers: Router[] = group.map((route) => route.router);
    mounted.set(id, {
      plugin: first.plugin,
      pattern:
        first.kind === 'home'
          ? MOUNTS.pages[first.surface]
          : first.kind === 'root'
            ? MOUNTS.api[first.surface]
            : `${MOUNTS[first.kind][first.surface]}/${first.plugin}`,
      core: tierOf(first.plugin) === 'core',
      body:
        first.kind === 'api' && first.surface === 'shared'
          ? jsonKeepingBytes
          : first.kind === 'api' || first.kind === 'root'
            ? json
            : form,
      handle: routers.length === 1 ? routers[0] : express.Router({ mergeParams: true }).use(...routers),
    });
  }
  for (const alias of aliases) {
    const pages = mounted.get(`pages ${alias.surface} ${alias.plugin}`);
    if (pages)
      mounted.set(`alias ${alias.surface} ${alias.segment}`, {
        ...pages,
        pattern: `${MOUNTS.pages[alias.surface]}/${alias.segment}`,
      });
  }
  return (req, res, next) => {
    // The tenant stage may have rewritten the URL (a storefront on its own host): read the new path then.
    const path = req.path;
    const match = req.wz.url?.path === path ? req.wz.url : (req.wz.url = matchUrl(path));
    const target = locate(mounted, match);
    if (!target) return next();
    const { mounted: entry, prefix } = target;
    req.wz.mountPattern = entry.pattern;
    if (!entry.core && !enablement.isEnabled(req.wz.tenant.platform, entry.plugin)) {
      return next(hostErrors.WZ_PLUGIN_DISABLED({ plugin: entry.plugin }));
    }
    const { url, baseUrl } = req;
    const restore = (error?: unknown) => {
      req.url = url;
      req.baseUrl = baseUrl;
      next(error);
    };
    const parseBody = req.method === 'GET' || req.method === 'HEAD' ? skipBody : entry.body;
    parseBody(req, res, (error?: unknown) => {
      if (error) return restore(error);
      // What express would do on mounting the router at `prefix`: strip it from url, add it to baseUrl.
      req.baseUrl = baseUrl + prefix;
      req.url = url.slice(prefix.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      req.params = target.store === undefined ? {} : { store: target.store };
      buildRequestContext(req, onContext);
      entry.handle(req, res, restore);
    });
  };
}
