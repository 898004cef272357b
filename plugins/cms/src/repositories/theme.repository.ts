import type { Knex } from 'knex';
import type { ThemeValues } from '../model.js';

/** A stored theme with the moment it last changed. */
export interface ThemeRecord extends ThemeValues {
  updatedAt: Date;
}

const SELECT = [
  'primary_color as primaryColor',
  'accent_color as accentColor',
  'background_color as backgroundColor',
  'text_color as textColor',
  'font as font',
  'logo_media_id as logoMediaId',
  'updated_at as updatedAt',
];

/** Store themes of the cms schema, one row per store. */
export class ThemeRepository {
  /** `knex` is asked for lazily: hosts without a database (e.g. `wizamart plugins list`) still register plugins. */
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async get(storeId: string): Promise<ThemeRecord | undefined> {
    return this.db('themes').where({ store_id: storeId }).select(SELECT).first();
  }

  /** Inserts or replaces the store's theme; with `onlyIfAbsent`, an existing theme is kept (seeds). */
  async save(storeId: string, theme: ThemeValues, options: { onlyIfAbsent?: boolean } = {}): Promise<void> {
    const row = {
      store_id: storeId,
      primary_color: theme.primaryColor,
      accent_color: theme.accentColor,
      background_color: theme.backgroundColor,
      text_color: theme.textColor,
      font: theme.font,
      logo_media_id: theme.logoMediaId,
      updated_at: this.db.fn.now(),
    };
    const insert = this.db('themes').insert(row).onConflict('store_id');
    await (options.onlyIfAbsent ? insert.ignore() : insert.merge());
  }
}
