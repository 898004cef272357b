import type { Knex } from 'knex';
import { HOST_SCHEMA } from '../database/host-schema.js';

/**
 * Which plugins each platform has enabled, held in memory so the per-request gate costs one map lookup. Core plugins
 * are always enabled and have no rows. The snapshot is reloaded with `refresh()`: at once after a change on this
 * host, on NOTIFY from other hosts on a server.
 */
export class EnablementStore {
  private enabled = new Map<string, Set<string>>();

  constructor(
    private readonly knex: Knex,
    private readonly coreCodes: ReadonlySet<string>,
  ) {}

  isEnabled(platform: string, code: string): boolean {
    return this.coreCodes.has(code) || (this.enabled.get(platform)?.has(code) ?? false);
  }

  /** Enabled on at least one platform (core plugins always are). */
  isEnabledAnywhere(code: string): boolean {
    if (this.coreCodes.has(code)) return true;
    for (const plugins of this.enabled.values()) if (plugins.has(code)) return true;
    return false;
  }

  async refresh(): Promise<void> {
    const rows: Array<{ platform: string; plugin: string }> = await this.knex(
      `${HOST_SCHEMA}.plugin_enablement`,
    ).select('platform', 'plugin');
    const next = new Map<string, Set<string>>();
    for (const row of rows) {
      const set = next.get(row.platform) ?? new Set<string>();
      set.add(row.plugin);
      next.set(row.platform, set);
    }
    this.enabled = next;
  }
}
