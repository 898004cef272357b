import { createRequestContext, type JobRun } from '@wizamart/plugin-sdk';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { IdempotencyRepository } from '../repositories/idempotency.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { PlacementService } from '../services/placement.service.js';

/** How long after its lease lapsed an attempt counts as abandoned (a shopper's retry would have come by then). */
export const ABANDONED_AFTER_SECONDS = 300;
/** Checkouts of carts nobody touched for this many days are deleted. */
const STALE_SESSION_DAYS = 30;

/**
 * `checkout.cleanup` (every 10 minutes; safe to run twice): deletes idempotency keys past their expiry (24 h by
 * default), finishes or undoes placements nobody came back for, and deletes stale checkouts.
 */
export function createCleanupJob(deps: {
  keys: IdempotencyRepository;
  sessions: SessionRepository;
  placement: PlacementService;
  stores: StoreDirectory;
}) {
  return async (job: JobRun): Promise<void> => {
    const expired = await deps.keys.deleteExpired();
    const outcomes = { placed: 0, undone: 0, skipped: 0 };
    for (const row of await deps.keys.abandoned(ABANDONED_AFTER_SECONDS, 100)) {
      const store = await deps.stores.byId(row.storeId);
      // A job has no storefront URL: the store's link base is left empty.
      const ctx = store ? createRequestContext({ store: { ...store, base: '' } }) : undefined;
      outcomes[await deps.placement.recover(ctx, row)]++;
    }
    const stale = await deps.sessions.deleteStale(STALE_SESSION_DAYS);
    await job.progress(
      100,
      `expired keys ${expired}; abandoned placements placed ${outcomes.placed}, undone ${outcomes.undone}; stale checkouts ${stale}`,
    );
  };
}
