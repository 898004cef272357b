import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import hbs from 'hbs';

/** The host's own views (error page); plugin views are reached as `<code>/<view>`. */
export const HOST_VIEWS = fileURLToPath(new URL('../../../../views/', import.meta.url));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : full.endsWith('.hbs') ? [full] : [];
  });
}

/**
 * An express view that resolves `<code>/<name>` inside that plugin's views folder and anything else inside the
 * host's views, so plugin templates cannot shadow each other.
 */
function createViewClass(viewDirs: ReadonlyMap<string, string>) {
  return class PluginView {
    readonly name: string;
    readonly path: string | undefined;
    readonly engine: (file: string, options: object, cb: (error: Error | null, html?: string) => void) => void;

    constructor(name: string, options: { engines: Record<string, PluginView['engine']> }) {
      this.name = name;
      this.engine = options.engines['.hbs'];
      const [namespace, ...rest] = name.split('/');
      const base = rest.length > 0 && viewDirs.has(namespace) ? viewDirs.get(namespace)! : HOST_VIEWS;
      const relative = base === HOST_VIEWS ? name : rest.join('/');
      const file = path.resolve(base, `${relative}.hbs`);
      this.path = file.startsWith(base) && existsSync(file) ? file : undefined;
    }

    render(options: object, callback: (error: Error | null, html?: string) => void): void {
      this.engine(this.path!, options, callback);
    }
  };
}

/**
 * Sets up hbs for the app: one handlebars instance per host, plugin views as `<code>/<view>`, and every plugin's
 * `partials/` registered as `<code>/<name>` partials.
 */
export function setupViews(
  app: Express,
  viewDirs: ReadonlyMap<string, string>,
  viewCache: boolean,
): ReturnType<typeof hbs.create> {
  const instance = hbs.create();
  for (const [code, dir] of viewDirs) {
    const partials = path.join(dir, 'partials');
    for (const file of walk(partials)) {
      const name = path
        .relative(partials, file)
        .replace(/\\/g, '/')
        .replace(/\.hbs$/, '');
      instance.registerPartial(`${code}/${name}`, readFileSync(file, 'utf8'));
    }
  }
  instance.registerHelper('json', (value: unknown) => JSON.stringify(value));
  app.engine('hbs', instance.__express);
  app.set('view engine', 'hbs');
  app.set('views', HOST_VIEWS);
  app.set('view', createViewClass(viewDirs));
  // Compiled templates are kept (express caches them only under NODE_ENV=production): re-reading and compiling every
  // view on every request cost ~2 ms of CPU per storefront page. Partials are registered once at boot either way, so
  // a changed template needs a restart; NODE_ENV=development turns the cache off for template work.
  app.set('view cache', viewCache);
  app.locals.layout = false;
  return instance;
}
