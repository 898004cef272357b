import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requiredClosure } from './dependencies.js';
import { isFile, relative, walkFiles } from './files.js';
import { manifestDir, type PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { isTypeScript, lineOf, type SourceFile } from './sources.js';

/** Views the host itself provides, rendered without a namespace. */
const HOST_VIEWS = new Set(['error']);
const PARTIAL = /\{\{~?\s*(#?)>\s*(?:"([^"]+)"|'([^']+)'|([^\s}~()]+))/g;
const INLINE = /\{\{~?\s*#\*inline\s+["']([^"']+)["']/g;
const RENDER = /\brender\(\s*(['"`])((?:(?!\1)[^\\$])*)(\$\{)?/g;
const HELPER = /\.helper\(\s*(['"`])([^'"`$]+)\1/g;

const HBS_COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![^}]*\}\}/g;

interface PartialRef {
  name: string;
  /** `{{#> name}}…{{/name}}`: renders its block when the partial is missing, so a bare name is a slot. */
  block: boolean;
  /** Inline partials the template defines itself (`{{#*inline "name"}}`). */
  inline: Set<string>;
  at: string;
}

function checkPartialRef(
  plugin: PluginPackage,
  viewsDir: string,
  ref: PartialRef,
  closure: () => Set<string>,
): Finding | undefined {
  const { code } = plugin.manifest;
  const slash = ref.name.indexOf('/');
  if (slash < 0) {
    if (ref.block || ref.inline.has(ref.name) || ref.name.startsWith('@')) return undefined;
    return finding(
      'WZV016',
      `partial "${ref.name}" has no plugin namespace; the host registers partials as "<code>/<name>" (here "${code}/${ref.name}")`,
      ref.at,
    );
  }
  const namespace = ref.name.slice(0, slash);
  if (namespace === code) {
    const file = path.join(viewsDir, 'partials', `${ref.name.slice(slash + 1)}.hbs`);
    return isFile(file)
      ? undefined
      : finding('WZV016', `partial "${ref.name}" does not exist: no ${relative(plugin.dir, file)}`, ref.at);
  }
  if (closure().has(namespace)) return undefined;
  return finding(
    'WZV017',
    `partial "${ref.name}" belongs to plugin "${namespace}", which ${code} does not require`,
    ref.at,
  );
}

/**
 * Partial references in every template: namespaced, own ones present, foreign ones from required plugins (WZV016,
 * WZV017).
 */
function checkPartials(plugin: PluginPackage): Finding[] {
  const viewsDir = manifestDir(plugin, 'views');
  let closure: Set<string> | undefined;
  const required = () => (closure ??= requiredClosure(plugin));
  const findings: Finding[] = [];
  for (const file of walkFiles(viewsDir, (name) => name.endsWith('.hbs'))) {
    // Comments are blanked (line breaks kept) so that commented-out markup is not checked.
    const text = readFileSync(file, 'utf8').replace(HBS_COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
    const rel = relative(plugin.dir, file);
    const inline = new Set([...text.matchAll(INLINE)].map((m) => m[1]));
    for (const match of text.matchAll(PARTIAL)) {
      const ref = {
        name: match[2] ?? match[3] ?? match[4],
        block: match[1] === '#',
        inline,
        at: `${rel}:${lineOf(text, match.index)}`,
      };
      const problem = checkPartialRef(plugin, viewsDir, ref, required);
      if (problem) findings.push(problem);
    }
  }
  return findings;
}

function renderProblem(plugin: PluginPackage, viewsDir: string, name: string, complete: boolean): string | undefined {
  const { code } = plugin.manifest;
  const slash = name.indexOf('/');
  if (slash < 0) {
    if (!complete || HOST_VIEWS.has(name)) return undefined;
    return `renders "${name}", which is not under the plugin code; use "${code}/${name}"`;
  }
  const namespace = name.slice(0, slash);
  if (namespace !== code)
    return `renders "${name}", a view of plugin "${namespace}"; a plugin renders only its own views ("${code}/…")`;
  if (!complete) return undefined;
  const file = path.join(viewsDir, `${name.slice(slash + 1)}.hbs`);
  return isFile(file) ? undefined : `renders "${name}" but ${relative(plugin.dir, file)} does not exist`;
}

/** View names passed to `render(…)` as literals: own namespace, existing file (WZV018). */
function checkRenders(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  const viewsDir = manifestDir(plugin, 'views');
  return sources.flatMap((source) =>
    [...source.code.matchAll(RENDER)].flatMap((match) => {
      const problem = renderProblem(plugin, viewsDir, match[2], match[3] === undefined);
      return problem ? [finding('WZV018', problem, `${source.rel}:${lineOf(source.code, match.index)}`)] : [];
    }),
  );
}

/** Handlebars helpers registered with a literal name by a non-core plugin start with `<code>-` (WZV019). */
function checkHelpers(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  const { code, tier } = plugin.manifest;
  if (tier === 'core') return [];
  return sources.flatMap((source) =>
    [...source.code.matchAll(HELPER)]
      .filter((match) => !match[2].startsWith(`${code}-`))
      .map((match) => {
        const at = `${source.rel}:${lineOf(source.code, match.index)}`;
        return finding(
          'WZV019',
          `helper "${match[2]}" must be named "${code}-${match[2]}"; the host refuses it at register`,
          at,
        );
      }),
  );
}

/** Views, partials and helpers stay in the plugin's namespace (WZV016–WZV019). Test files are not looked at. */
export function checkViews(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  if (!plugin.manifest.code) return [];
  // TypeScript first, so a problem found in a source and again in its compiled file is reported at the source.
  const authored = [...sources]
    .sort((a, b) => Number(isTypeScript(b.rel)) - Number(isTypeScript(a.rel)))
    .filter((s) => !s.isTest);
  const seen = new Set<string>();
  const once = (f: Finding) => !seen.has(`${f.rule} ${f.message}`) && Boolean(seen.add(`${f.rule} ${f.message}`));
  return [
    ...checkPartials(plugin),
    ...[...checkRenders(plugin, authored), ...checkHelpers(plugin, authored)].filter(once),
  ];
}
