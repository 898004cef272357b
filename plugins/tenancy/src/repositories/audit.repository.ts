import type { AuditEntry, Page } from '../model.js';
import type { DbRef } from './db.js';

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_kind: string | null;
  store_id: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  actorId: row.actor_id,
  actorEmail: row.actor_email,
  actorKind: row.actor_kind,
  storeId: row.store_id,
  action: row.action,
  target: row.target,
  details: row.details,
  at: row.at,
});

/** The `audit_log` table: who did what to which target, when. */
export class AuditRepository {
  constructor(private readonly db: DbRef) {}

  async insert(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.db()('audit_log').insert({
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      actor_kind: entry.actorKind,
      store_id: entry.storeId,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
    });
  }

  async list(filter: { storeId?: string; action?: string }, page: number, pageSize: number): Promise<Page<AuditEntry>> {
    const base = this.db()<AuditRow>('audit_log');
    if (filter.storeId) base.where({ store_id: filter.storeId });
    if (filter.action) base.where({ action: filter.action });
    const [{ count }] = await base.clone().count<{ count: number }[]>({ count: '*' });
    const rows = await base
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .select('*');
    return { items: rows.map(toEntry), total: Number(count), page, pageSize };
  }
}
