import type { RequestContext } from '@wizamart/plugin-sdk';
import { rateLimited } from '../errors.js';
import type { Counter } from './rate-limit.js';

/** Limits of sign-in attempts (ADR 0003: 10 per 15 min per surface, store and email, and per IP). */
export interface LoginLimits {
  maxAttempts: number;
  ipMaxAttempts: number;
  windowSeconds: number;
}

/** Counts sign-in attempts per (surface, store, email) and per client IP. */
export class LoginLimiter {
  constructor(
    private readonly counter: () => Counter,
    private readonly limits: LoginLimits,
  ) {}

  private keys(ctx: RequestContext, email: string): { account: string; ip: string } {
    const account = `${ctx.surface}:${ctx.store?.code ?? '-'}:${email.trim().toLowerCase()}`;
    return { account, ip: `ip:${ctx.clientIp ?? 'unknown'}` };
  }

  /**
   * Counts an attempt; throws 429 `WZ_AUTH_RATE_LIMITED` once a limit is passed (the host's error handler sends
   * `Retry-After` from `details.retryAfter`).
   */
  async check(ctx: RequestContext, email: string): Promise<void> {
    const keys = this.keys(ctx, email);
    const [account, ip] = await Promise.all([
      this.counter().hit(keys.account, this.limits.windowSeconds),
      this.counter().hit(keys.ip, this.limits.windowSeconds),
    ]);
    const waits = [
      account.count > this.limits.maxAttempts ? account.resetSeconds : 0,
      ip.count > this.limits.ipMaxAttempts ? ip.resetSeconds : 0,
    ];
    const wait = Math.max(...waits);
    if (wait === 0) return;
    throw rateLimited(wait);
  }

  /** A success clears the account's count and takes this attempt back from the IP's (only failures add up there). */
  async succeeded(ctx: RequestContext, email: string): Promise<void> {
    const keys = this.keys(ctx, email);
    await Promise.all([this.counter().reset(keys.account), this.counter().undo(keys.ip)]);
  }
}
