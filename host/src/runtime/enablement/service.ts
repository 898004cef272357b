import {
  hostErrors,
  type EnablementAuditEntry,
  type EnablementChangeOptions,
  type EnablementResult,
  type InstalledPluginInfo,
  type PlatformPlugin,
} from '@wizamart/plugin-sdk';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { HOST_SCHEMA } from '../database/host-schema.js';
import { planDisable, planEnable } from './plan.js';
import type { EnablementStore } from './store.js';

/** The NOTIFY channel other hosts listen on; the payload is the platform code. */
export const ENABLEMENT_CHANNEL = 'wizamart_enablement';

const table = (name: string) => `${HOST_SCHEMA}.${name}`;

/**
 * Per-platform enablement changes: plan (dry run) or apply, with an audit entry, in one transaction; other hosts hear
 * of it through NOTIFY on a server (the embedded database has a single host, which refreshes at once).
 */
export class EnablementService {
  constructor(
    private readonly knex: Knex,
    private readonly plugins: () => InstalledPluginInfo[],
    private readonly store: EnablementStore,
    private readonly options: { embedded: boolean; logger: Logger },
  ) {}

  async list(platform: string): Promise<PlatformPlugin[]> {
    await this.requirePlatform(this.knex, platform);
    const reasons = await this.reasons(this.knex, platform);
    return this.plugins().map((plugin) => {
      const list = plugin.tier === 'core' ? ['core'] : (reasons.get(plugin.code) ?? []);
      return {
        code: plugin.code,
        name: plugin.name,
        tier: plugin.tier,
        version: plugin.version,
        state: plugin.state,
        enabled: list.length > 0,
        reasons: list,
      };
    });
  }

  async change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: EnablementChangeOptions,
  ): Promise<EnablementResult> {
    const result = await this.knex.transaction(async (trx) => {
      await this.requirePlatform(trx, platform);
      // One change per platform at a time: the plan is computed from rows no one else is rewriting.
      if (!this.options.embedded)
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`wizamart.enablement.${platform}`]);
      const current = await this.reasons(trx, platform);
      const change =
        action === 'enable'
          ? planEnable(this.plugins(), current, code)
          : planDisable(this.plugins(), current, code, options.release);
      if (options.dryRun) return { plan: change.plan, applied: false };
      for (const [plugin, reasons] of change.reasons) {
        if (reasons.length === 0) await trx(table('plugin_enablement')).where({ platform, plugin }).delete();
        else
          await trx(table('plugin_enablement'))
            .insert({ platform, plugin, reasons })
            .onConflict(['platform', 'plugin'])
            .merge({ reasons, updated_at: trx.fn.now() });
      }
      await trx(table('enablement_audit')).insert({
        platform,
        plugin: code,
        action,
        actor: options.actor,
        plan: JSON.stringify(change.plan),
      });
      if (!this.options.embedded) await trx.raw('select pg_notify(?, ?)', [ENABLEMENT_CHANNEL, platform]);
      return { plan: change.plan, applied: true };
    });
    if (result.applied) {
      await this.store.refresh();
      this.options.logger.info(
        { platform, plugin: code, action, plan: result.plan, actor: options.actor },
        'plugin enablement changed',
      );
    }
    return result;
  }

  async audit(platform: string, limit = 50): Promise<EnablementAuditEntry[]> {
    return this.knex(table('enablement_audit'))
      .where({ platform })
      .orderBy('id', 'desc')
      .limit(limit)
      .select('id', 'platform', 'plugin', 'action', 'actor', 'plan', 'at');
  }

  private async requirePlatform(knex: Knex | Knex.Transaction, platform: string): Promise<void> {
    if (!(await knex(table('platforms')).where({ code: platform }).first())) {
      throw hostErrors.WZ_PLATFORM_NOT_FOUND({ platform });
    }
  }

  private async reasons(knex: Knex | Knex.Transaction, platform: string): Promise<Map<string, string[]>> {
    const rows: Array<{ plugin: string; reasons: string[] }> = await knex(table('plugin_enablement'))
      .where({ platform })
      .select('plugin', 'reasons');
    return new Map(rows.map((row) => [row.plugin, row.reasons]));
  }
}
