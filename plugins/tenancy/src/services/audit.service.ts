import type { Actor, AuditEntry, Page } from '../model.js';
import type { AuditRepository } from '../repositories/audit.repository.js';

/** Writes and reads the audit log of admin and staff actions. */
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records that `actor` did `action` (`<thing>.<past-tense-verb>`) to `target`. */
  async record(
    actor: Actor,
    action: string,
    target: string | null,
    extra: { storeId?: string; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.repository.insert({
      actorId: actor.id,
      actorEmail: actor.email,
      actorKind: actor.kind,
      storeId: extra.storeId ?? null,
      action,
      target,
      details: extra.details ?? {},
    });
  }

  list(filter: { storeId?: string; action?: string }, page: number, pageSize: number): Promise<Page<AuditEntry>> {
    return this.repository.list(filter, page, pageSize);
  }
}
