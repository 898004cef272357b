import type { DbRef } from './db.js';

/** The `revoked_tokens` table: ids (`jti`) of signed-out tokens, kept until the token would have expired. */
export class RevocationRepository {
  constructor(private readonly db: DbRef) {}

  async insert(jti: string, expiresAt: Date): Promise<void> {
    await this.db()('revoked_tokens').insert({ jti, expires_at: expiresAt }).onConflict('jti').ignore();
  }

  /** Unexpired tokens revoked at or after `since` (all when absent), and the database time the read began. */
  async since(since: Date | undefined): Promise<{ jtis: Array<{ jti: string; expiresAt: Date }>; now: Date }> {
    const db = this.db();
    const { rows } = (await db.raw('select now() as now')) as { rows: Array<{ now: Date }> };
    const query = db('revoked_tokens')
      .where('expires_at', '>', rows[0].now)
      .select<Array<{ jti: string; expires_at: Date }>>('jti', 'expires_at');
    if (since) query.where('revoked_at', '>=', since);
    return { jtis: (await query).map((row) => ({ jti: row.jti, expiresAt: row.expires_at })), now: rows[0].now };
  }

  async purgeExpired(): Promise<number> {
    const db = this.db();
    return db('revoked_tokens').where('expires_at', '<=', db.fn.now()).delete();
  }
}
