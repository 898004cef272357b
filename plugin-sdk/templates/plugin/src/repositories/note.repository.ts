import type { PluginContext } from '@wizamart/plugin-sdk';
import type { Note } from '../model.js';

type Db = PluginContext['db'];

interface NoteRow {
  id: string;
  platform: string;
  text: string;
  created_at: Date;
}

const toNote = (row: NoteRow): Note => ({ id: row.id, platform: row.platform, text: row.text, createdAt: new Date(row.created_at).toISOString() });

/** The only file that touches the `notes` table (in this plugin's own schema). */
export class NoteRepository {
  constructor(private readonly db: () => Db) {}

  async list(platform: string): Promise<Note[]> {
    const rows = await this.db()<NoteRow>('notes').where({ platform }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }]).limit(200);
    return rows.map(toNote);
  }

  async insert(platform: string, text: string): Promise<Note> {
    const [row] = await this.db()<NoteRow>('notes').insert({ platform, text }).returning('*');
    return toNote(row as NoteRow);
  }

  async deleteOlderThan(platform: string, before: Date): Promise<number> {
    return this.db()('notes').where({ platform }).andWhere('created_at', '<', before).delete();
  }

  /** Cheap probe for the health check: the table answers. */
  async probe(): Promise<void> {
    await this.db()('notes').select('id').limit(1);
  }
}
