import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { lineOf, type SourceFile } from './sources.js';

/** Calls an internal plugin may not make, with literal arguments: what the host fails at register. */
const FORBIDDEN: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [
    /\.(api|pages|apiRoot|home)\(\s*['"`](store|storefront|shared)['"`]/g,
    (m) => `adds a ${m[2]} route (routes.${m[1]})`,
  ],
  [/\.pagesAlias\(/g, () => 'adds a page alias (routes.pagesAlias)'],
  [/\bmenus\.add\(\s*['"`](store|storefront)['"`]/g, (m) => `adds a ${m[1]} menu item (menus.add)`],
  [/\broutes\.use\(/g, () => 'adds pipeline stage middleware (routes.use)'],
];

/**
 * An `internal` plugin adds admin routes, pages and menus only (WZV028). Found statically in the plugin's non-test
 * sources, so only literal surfaces are seen (the host checks every call at register). A call found in both the
 * TypeScript source and its built JavaScript is reported once.
 */
export function checkInternalTier(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  if (plugin.manifest.tier !== 'internal') return [];
  const findings = new Map<string, Finding>();
  for (const file of sources.filter((source) => !source.isTest)) {
    for (const [pattern, describe] of FORBIDDEN) {
      for (const match of file.code.matchAll(pattern)) {
        const message = `internal plugin ${describe(match as RegExpExecArray)}; internal plugins are admin-only`;
        const at = `${file.rel}:${lineOf(file.code, match.index ?? 0)}`;
        if (!findings.has(message)) findings.set(message, finding('WZV028', message, at));
      }
    }
  }
  return [...findings.values()];
}
