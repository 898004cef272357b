import type { DbRef } from './db.js';

/** The `settings` table: plugin-wide key/value settings (e.g. the generated JWT secret). */
export class SettingsRepository {
  constructor(private readonly db: DbRef) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db()('settings').where({ key }).first<{ value: string } | undefined>('value');
    return row?.value;
  }

  /** Stores `value` unless the key already has one; returns the value that is stored afterwards. */
  async putIfAbsent(key: string, value: string): Promise<string> {
    await this.db()('settings').insert({ key, value }).onConflict('key').ignore();
    return (await this.get(key))!;
  }
}
