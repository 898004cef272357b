import type {
  HealthCheckResult,
  HttpStage,
  JobOptions,
  JobRun,
  MenuItem,
  PluginCommand,
  Surface,
} from '@wizamart/plugin-sdk';
import type { RequestHandler, Router } from 'express';

/** A router a plugin mounted. */
export interface RouteContribution {
  plugin: string;
  /** `home` is the page router at a surface root (`/admin`, `/store/<store>`, `/storefront/<store>`). */
  kind: 'api' | 'pages' | 'home' | 'root';
  surface: Surface;
  router: Router;
}

/** A short page path a plugin serves besides its own mount (`/storefront/<store>/<segment>/…`). */
export interface AliasContribution {
  plugin: string;
  surface: Exclude<Surface, 'shared'>;
  segment: string;
}

/** A menu item a plugin added. */
export interface MenuContribution {
  plugin: string;
  surface: Exclude<Surface, 'shared'>;
  item: MenuItem;
}

/** A health check a plugin added. */
export interface HealthContribution {
  plugin: string;
  name: string;
  run: () => Promise<HealthCheckResult> | HealthCheckResult;
}

/** A job a plugin defined; stored as `<plugin>.<name>`. */
export interface JobContribution {
  plugin: string;
  name: string;
  handler: (job: JobRun<unknown>) => Promise<void> | void;
  options: JobOptions;
}

/** Middleware a core plugin added to a stage of the host pipeline. */
export interface StageContribution {
  plugin: string;
  stage: HttpStage;
  handler: RequestHandler;
}

/** A Handlebars helper a plugin registered. */
export interface HelperContribution {
  plugin: string;
  name: string;
  fn: (...args: any[]) => unknown;
}

/** A CLI command a plugin added. */
export interface CommandContribution {
  plugin: string;
  name: string;
  command: PluginCommand;
}

/** A data seed a plugin added to a set. */
export interface SeedContribution {
  plugin: string;
  set: string;
  run: () => Promise<void | string[]> | void | string[];
}

/**
 * Everything plugins contributed, kept per plugin so that a plugin failing half-way through `register` can be
 * removed without a trace.
 */
export class Contributions {
  readonly routes: RouteContribution[] = [];
  readonly menus: MenuContribution[] = [];
  readonly health: HealthContribution[] = [];
  readonly jobs: JobContribution[] = [];
  readonly stages: StageContribution[] = [];
  readonly helpers: HelperContribution[] = [];
  readonly commands: CommandContribution[] = [];
  readonly seeds: SeedContribution[] = [];
  readonly aliases: AliasContribution[] = [];
  private readonly cleanups = new Map<string, Array<() => void>>();
  /** Plugins whose contributions were discarded; a hook still running after a timeout cannot add more. */
  private readonly discarded = new Set<string>();

  addRoute(entry: RouteContribution): void {
    this.accept(this.routes, entry);
  }

  addMenu(entry: MenuContribution): void {
    this.accept(this.menus, entry);
  }

  addHealth(entry: HealthContribution): void {
    this.accept(this.health, entry);
  }

  addJob(entry: JobContribution): void {
    this.accept(this.jobs, entry);
  }

  addStage(entry: StageContribution): void {
    this.accept(this.stages, entry);
  }

  addHelper(entry: HelperContribution): void {
    this.accept(this.helpers, entry);
  }

  addCommand(entry: CommandContribution): void {
    this.accept(this.commands, entry);
  }

  addSeed(entry: SeedContribution): void {
    this.accept(this.seeds, entry);
  }

  addAlias(entry: AliasContribution): void {
    this.accept(this.aliases, entry);
  }

  /** Keeps `entry` unless its plugin was discarded (a hook still running after a timeout cannot add more). */
  private accept<T extends { plugin: string }>(list: T[], entry: T): void {
    if (!this.discarded.has(entry.plugin)) list.push(entry);
  }

  /** Records an undo action for `plugin` (used by registries outside this class, e.g. services and events). */
  onDiscard(plugin: string, cleanup: () => void): void {
    if (this.discarded.has(plugin)) return cleanup();
    const list = this.cleanups.get(plugin) ?? [];
    list.push(cleanup);
    this.cleanups.set(plugin, list);
  }

  /** Removes every contribution of `plugin`. */
  discard(plugin: string): void {
    this.discarded.add(plugin);
    for (const list of [
      this.routes,
      this.menus,
      this.health,
      this.jobs,
      this.stages,
      this.helpers,
      this.commands,
      this.seeds,
      this.aliases,
    ] as Array<Array<{ plugin: string }>>) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].plugin === plugin) list.splice(i, 1);
    }
    for (const cleanup of this.cleanups.get(plugin) ?? []) cleanup();
    this.cleanups.delete(plugin);
  }
}
