import path from 'node:path';
import { importSpecifiers } from './imports.js';
import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { lineOf, type SourceFile } from './sources.js';

/** The layer a plugin file belongs to, from the first of its folders that names one. */
function layerOf(rel: string): 'routes' | 'services' | 'repositories' | undefined {
  const folders = rel.split('/').slice(0, -1);
  return folders.find((f): f is 'routes' | 'services' | 'repositories' =>
    ['routes', 'services', 'repositories'].includes(f),
  );
}

/** Layers a layer may not import: routes call services, repositories sit below services. */
const FORBIDDEN: Record<string, string | undefined> = { routes: 'repositories', repositories: 'services' };

/**
 * The layer rule (WZV031): routes → services → repositories, one way. A file under `routes/` importing one under
 * `repositories/`, or a file under `repositories/` importing one under `services/`, is reported. Only relative imports
 * inside the package count; test files are left out.
 */
export function checkLayers(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  return sources
    .filter((source) => !source.isTest)
    .flatMap((source) => {
      const forbidden = FORBIDDEN[layerOf(source.rel) ?? ''];
      if (!forbidden) return [];
      return importSpecifiers(source.code).flatMap(({ specifier, index }) => {
        if (!specifier.startsWith('.')) return [];
        const target = path.relative(plugin.dir, path.resolve(plugin.dir, path.dirname(source.rel), specifier));
        if (layerOf(target.split(path.sep).join('/')) !== forbidden) return [];
        const message = `${layerOf(source.rel)} file imports ${specifier} from ${forbidden}/`;
        return [finding('WZV031', message, `${source.rel}:${lineOf(source.code, index)}`)];
      });
    });
}
