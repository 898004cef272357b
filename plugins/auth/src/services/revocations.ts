import type { RevocationRepository } from '../repositories/revocation.repository.js';

/**
 * Signed-out token ids. Checked in memory on every request; refreshed from `auth.revoked_tokens` at most
 * `ttlMs` after the last read, which is how other instances learn of a sign-out.
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private readSince: Date | undefined;
  private readAt = 0;
  private refreshing: Promise<void> | undefined;
  private purgedAt = 0;

  constructor(
    private readonly repository: RevocationRepository,
    private readonly ttlMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Loads every unexpired revocation (at start). */
  async load(): Promise<void> {
    await this.refresh();
  }

  isRevoked(jti: string): boolean {
    if (Date.now() - this.readAt > this.ttlMs && !this.refreshing) this.refresh().catch(this.onError);
    const expires = this.revoked.get(jti);
    if (expires === undefined) return false;
    if (expires > Date.now()) return true;
    this.revoked.delete(jti);
    return false;
  }

  /** Revokes `jti` here at once and for other instances through the table. */
  async revoke(jti: string, expiresAt: Date): Promise<void> {
    this.revoked.set(jti, expiresAt.getTime());
    await this.repository.insert(jti, expiresAt);
  }

  /** Forgets expired revocations (memory and table) about once an hour: expired tokens are refused anyway. */
  private async purge(): Promise<void> {
    if (Date.now() - this.purgedAt < 3600_000) return;
    this.purgedAt = Date.now();
    for (const [jti, expires] of this.revoked) if (expires <= this.purgedAt) this.revoked.delete(jti);
    await this.repository.purgeExpired();
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      // Rows written by another instance during the previous read may carry an earlier time: overlap by a minute.
      const since = this.readSince && new Date(this.readSince.getTime() - 60_000);
      const { jtis, now } = await this.repository.since(since);
      for (const entry of jtis) this.revoked.set(entry.jti, entry.expiresAt.getTime());
      this.readSince = now;
      this.readAt = Date.now();
      await this.purge();
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }
}
