import { existsSync } from 'node:fs';
import express, { type RequestHandler } from 'express';
import { hostErrors, type WizamartError } from '@wizamart/plugin-sdk';
import { matchStaticModule } from './url-map.js';

function notFound(path: string): WizamartError {
  return hostErrors.WZ_NOT_FOUND({ path });
}

/** True when a raw URL path, decoded once or twice, tries to leave its folder or smuggle odd bytes. */
function isSuspicious(rawPath: string): boolean {
  let decoded = rawPath;
  for (let i = 0; i < 2; i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return true;
    }
    if (decoded.split(/[\\/]/).some((segment) => segment === '..') || decoded.includes('\0')) return true;
  }
  return false;
}

/**
 * Serves each plugin's static folder at `/static/modules/<code>/…`. Any traversal attempt (plain, percent-encoded
 * or double-encoded `..`, backslashes, NUL) is a 404, as is any file outside the plugin's folder.
 */
export function pluginStatic(staticDirs: ReadonlyMap<string, string>, maxAge: string | number): RequestHandler {
  const servers = new Map<string, RequestHandler>();
  for (const [code, dir] of staticDirs) {
    if (existsSync(dir))
      servers.set(
        code,
        express.static(dir, { fallthrough: false, dotfiles: 'ignore', index: false, maxAge, redirect: false }),
      );
  }
  return (req, res, next) => {
    if (req.wz.url?.kind !== 'static') return next();
    const raw = req.originalUrl.split('?')[0];
    const match = matchStaticModule(raw);
    if (!match) return next();
    const server = servers.get(match.plugin);
    if (!server || !match.file || isSuspicious(raw)) return next(notFound(req.path));
    req.url = match.file;
    server(req, res, (error?: unknown) =>
      next(error && (error as { status?: number }).status !== 404 ? error : notFound(req.path)),
    );
  };
}
