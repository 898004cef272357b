import type { Knex } from 'knex';

export interface SettingsRow {
  providers: string[] | null;
  webhookSecret: string;
  secretRotatedAt: Date;
}

/** Per-store settings; the row is created with a fresh secret on first use. */
export class SettingsRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  find(storeId: string): Promise<SettingsRow | undefined> {
    return this.db('settings')
      .where({ store_id: storeId })
      .first('providers as providers', 'webhook_secret as webhookSecret', 'secret_rotated_at as secretRotatedAt');
  }

  /** The store's row, created with `secret` when missing (concurrent first uses agree on one secret). */
  async ensure(storeId: string, secret: string): Promise<SettingsRow> {
    await this.db('settings').insert({ store_id: storeId, webhook_secret: secret }).onConflict('store_id').ignore();
    return (await this.find(storeId))!;
  }

  async setProviders(storeId: string, providers: string[], secret: string): Promise<void> {
    await this.db('settings')
      .insert({ store_id: storeId, webhook_secret: secret, providers })
      .onConflict('store_id')
      .merge({ providers, updated_at: this.db.fn.now() });
  }

  async rotateSecret(storeId: string, secret: string): Promise<void> {
    await this.db('settings')
      .insert({ store_id: storeId, webhook_secret: secret })
      .onConflict('store_id')
      .merge({ webhook_secret: secret, secret_rotated_at: this.db.fn.now(), updated_at: this.db.fn.now() });
  }
}
