import { hostErrors, type EnablementPlan, type WizamartError } from '@wizamart/plugin-sdk';

export type { EnablementPlan };

/** A plugin as the enablement planner sees it. */
export interface PlannedPlugin {
  code: string;
  tier: string;
  /** `loaded`, `failed` or `blocked`. */
  state: string;
  /** Codes of the plugins it requires (not the optional ones: those never pull anything in). */
  requires: string[];
  error?: { code: string; message: string } | null;
}

/** Why a plugin is enabled on a platform: `explicit` and/or `required-by:<code>` (core plugins: `core`). */
export type Reasons = ReadonlyMap<string, readonly string[]>;

/** A computed change: the plan and the reasons every affected plugin ends up with (empty = disabled). */
export interface PlannedChange {
  plan: EnablementPlan;
  reasons: Map<string, string[]>;
}

const REQUIRED_BY = 'required-by:';

function notFound(code: string): WizamartError {
  return hostErrors.WZ_PLUGIN_NOT_FOUND({ plugin: code });
}

/**
 * Enabling `code` enables it (`explicit`) and, transitively, every non-core plugin it requires
 * (`required-by:<requirer>`). A failed or blocked plugin cannot be enabled.
 */
export function planEnable(plugins: readonly PlannedPlugin[], current: Reasons, code: string): PlannedChange {
  const byCode = new Map(plugins.map((plugin) => [plugin.code, plugin]));
  const target = byCode.get(code);
  if (!target) throw notFound(code);
  if (target.state !== 'loaded') {
    throw hostErrors.WZ_PLUGIN_NOT_LOADED({ plugin: code, state: target.state, error: target.error ?? null });
  }
  const reasons = new Map<string, string[]>();
  const reasonsOf = (name: string) => reasons.get(name) ?? [...(current.get(name) ?? [])];
  const add = (name: string, reason: string) => {
    const list = reasonsOf(name);
    if (!list.includes(reason)) reasons.set(name, [...list, reason].sort());
  };
  const enable: string[] = [];
  const visit = (name: string, reason: string) => {
    const plugin = byCode.get(name);
    if (!plugin || plugin.tier === 'core') return;
    const wasEnabled = (current.get(name) ?? []).length > 0 || enable.includes(name);
    add(name, reason);
    if (wasEnabled) return;
    enable.push(name);
    for (const dependency of plugin.requires) visit(dependency, `${REQUIRED_BY}${name}`);
  };
  if (target.tier !== 'core') visit(code, 'explicit');
  // An already-enabled target still gains `explicit`; its requirements already hold their reasons.
  return { plan: { enable, disable: [], release: [] }, reasons };
}

/**
 * Disabling `code` disables it and every enabled plugin that requires it, transitively. Plugins left enabled only
 * because a disabled one required them are listed in `release`; they are disabled too only when `release` is true.
 */
export function planDisable(
  plugins: readonly PlannedPlugin[],
  current: Reasons,
  code: string,
  release: boolean,
): PlannedChange {
  const byCode = new Map(plugins.map((plugin) => [plugin.code, plugin]));
  const target = byCode.get(code);
  if (!target) throw notFound(code);
  if (target.tier === 'core') {
    throw hostErrors.WZ_PLUGIN_CORE_REQUIRED({ plugin: code });
  }
  const enabled = (name: string) => (current.get(name) ?? []).length > 0;
  const disable: string[] = [];
  const take = (name: string) => {
    if (disable.includes(name) || !enabled(name)) return;
    disable.push(name);
    for (const plugin of plugins) if (plugin.requires.includes(name)) take(plugin.code);
  };
  take(code);
  const reasons = new Map<string, string[]>(disable.map((name) => [name, []]));
  const gone = new Set(disable);
  const releasable: string[] = [];
  // Drop `required-by:` reasons of the plugins going away; what is left with no reason at all is releasable, which in
  // turn frees what only it required.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, list] of current) {
      if (gone.has(name) || list.length === 0) continue;
      let kept = list.filter(
        (reason) => !(reason.startsWith(REQUIRED_BY) && gone.has(reason.slice(REQUIRED_BY.length))),
      );
      if (kept.length === list.length) continue;
      if (kept.length === 0) {
        // Whatever the recorded reasons say, a plugin an enabled plugin still requires stays (and says why).
        const requirers = plugins.filter(
          (plugin) => plugin.requires.includes(name) && enabled(plugin.code) && !gone.has(plugin.code),
        );
        kept = requirers.map((plugin) => `${REQUIRED_BY}${plugin.code}`);
      }
      reasons.set(name, kept);
      if (kept.length === 0 && !releasable.includes(name)) {
        releasable.push(name);
        if (release) {
          gone.add(name);
          changed = true;
        }
      }
    }
  }
  // Without `release`, a releasable plugin keeps running with its reasons as they were (naming who once required it),
  // so a later change can still offer to release it.
  if (!release) for (const name of releasable) reasons.delete(name);
  return {
    plan: { enable: [], disable: release ? [...disable, ...releasable] : disable, release: releasable },
    reasons,
  };
}
