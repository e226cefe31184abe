import { decodeLedger, type Ledger } from '../approval/ledger.js';
import type { FingerprintRecord } from '../approval/types.js';
import { listCheckRuns, type CheckRunRecord } from './checks.js';
import type { Octokit, RepoRef } from './types.js';

export interface History {
  /** Every App check run found on the commits looked at, newest first. */
  runs: CheckRunRecord[];
  /** Completed reviews: sha, fingerprint, time, asked findings. */
  records: FingerprintRecord[];
  ledgers: Map<number, Ledger>;
}

/**
 * The App's own record of a pull request: its check runs on the given commits (one request per
 * commit). A run's `external_id` is the fingerprint it reviewed; its text carries the ledger.
 */
export async function loadHistory(octokit: Octokit, repo: RepoRef, shas: readonly string[], appId: number): Promise<History> {
  const runs: CheckRunRecord[] = [];
  for (const sha of new Set(shas)) {
    try {
      runs.push(...(await listCheckRuns(octokit, repo, sha, appId)));
    } catch (e) {
      // A commit gone after a force push and garbage collection: it simply has no history.
      if ((e as { status?: number }).status !== 404 && (e as { status?: number }).status !== 422) throw e;
    }
  }
  runs.sort((a, b) => b.id - a.id);
  const ledgers = new Map<number, Ledger>();
  const records: FingerprintRecord[] = [];
  for (const run of runs) {
    const ledger = decodeLedger(run.text);
    if (ledger) ledgers.set(run.id, ledger);
    if (run.status === 'completed' && run.completedAt && /^[0-9a-f]{64}$/.test(run.externalId)) {
      const own = ledger && ledger.fingerprint === run.externalId ? ledger : undefined;
      // The ledger's time, not completed_at: refreshing a run for a new approval moves completed_at.
      records.push({
        sha: run.sha,
        fingerprint: run.externalId,
        completedAt: own?.reviewedAt ?? run.completedAt,
        ...(own ? { asked: own.asked } : {}),
      });
    }
  }
  return { runs, records, ledgers };
}
