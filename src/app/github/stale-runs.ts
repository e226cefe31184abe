import type { CheckRunRecord } from './checks.js';

/**
 * A run younger than this may belong to a job that is still starting or running (another pull
 * request with the same head, another process): left alone. PRIVACY_REVIEW_STALE_RUN_SECONDS.
 */
export const STALE_AFTER_MS = 60_000;

/** At most this many stale runs are completed per job (the rest by the next one). */
const MAX_STALE = 20;

/**
 * The App's runs that nothing will complete: still queued or in progress, not one the current job
 * works on, and started more than `after` ms ago (a job whose last update GitHub refused, or an
 * App process that stopped mid-review).
 */
export function staleRuns(
  runs: readonly CheckRunRecord[],
  ownIds: ReadonlySet<number>,
  now: Date,
  after = STALE_AFTER_MS,
): CheckRunRecord[] {
  return runs
    .filter((r) => r.status !== 'completed' && !ownIds.has(r.id))
    .filter((r) => {
      const started = Date.parse(r.startedAt ?? '');
      return Number.isFinite(started) && now.getTime() - started > after;
    })
    .slice(0, MAX_STALE);
}
