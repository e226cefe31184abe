import type { PendingClick, Withdrawal } from '../approval/types.js';
import type { PullRef } from '../github/types.js';

export type { PendingClick } from '../approval/types.js';

export interface StartedRun {
  sha: string;
  id: number;
}

/** A check run being created for `sha`; its id, or undefined when the creation failed (logged). */
export interface StartingRun {
  sha: string;
  id: Promise<number | undefined>;
}

/** Everything an evaluation of one pull request needs to know about the events that asked for it. */
export interface PrJob {
  // privacy-review-ignore pii-field -- a GitHub App installation id, not a device identifier
  installationId: number;
  pr: PullRef;
  /** Head and base the event named (undefined: whatever the pull request has when the job runs). */
  headSha?: string;
  baseSha?: string;
  /** When the pull request got `headSha` (the event's `updated_at`): orders heads of deliveries handled out of order. */
  headAt?: string;
  /** In-progress check runs the webhooks created; the job completes every one of them. */
  started: StartedRun[];
  /**
   * In-progress check runs still being created: a webhook does not wait for GitHub before it
   * answers, the job waits for them before it starts (undefined: the creation failed, logged).
   * In memory only; a queue shared between processes would resolve them before enqueueing.
   */
  starting?: StartingRun[];
  clicks: PendingClick[];
  /** Withdrawals the webhooks showed; the job records them in the ledger. */
  withdrawals: Withdrawal[];
  /** Analyze again even if a result for this head and base is cached (re-run requested). */
  reanalyze: boolean;
  /** Event names, for logs. */
  events: string[];
}

export function jobKey(pr: PullRef): string {
  return `${pr.owner}/${pr.repo}#${pr.number}`;
}

/** The event of `b` is about an older head than `a`'s (both say when their head came; a tie is not older). */
function isOlderHead(a: PrJob, b: PrJob): boolean {
  return a.headAt !== undefined && b.headAt !== undefined && Date.parse(b.headAt) < Date.parse(a.headAt);
}

/**
 * Fold a later event into the job waiting for the same pull request: the newer head wins (by when
 * the pull request got it, when both events say; else the later event's), nothing is lost.
 */
export function mergeJobs(older: PrJob, newer: PrJob): PrJob {
  const head = newer.headSha !== undefined && !isOlderHead(older, newer) ? newer : older.headSha !== undefined ? older : newer;
  const baseSha = head.baseSha ?? newer.baseSha ?? older.baseSha;
  return {
    installationId: newer.installationId,
    pr: newer.pr,
    ...(head.headSha !== undefined ? { headSha: head.headSha } : {}),
    ...(baseSha !== undefined ? { baseSha } : {}),
    ...(head.headAt !== undefined ? { headAt: head.headAt } : {}),
    started: [...older.started, ...newer.started],
    ...(older.starting?.length || newer.starting?.length ? { starting: [...(older.starting ?? []), ...(newer.starting ?? [])] } : {}),
    clicks: [...older.clicks, ...newer.clicks],
    withdrawals: [...older.withdrawals, ...newer.withdrawals],
    reanalyze: older.reanalyze || newer.reanalyze,
    events: [...older.events, ...newer.events].slice(-20),
  };
}

/** The running job already does all this event asks: same head and base, no check run, click, withdrawal or re-run of its own. */
export function jobCovers(running: PrJob, incoming: PrJob): boolean {
  return (
    !incoming.started.length &&
    !incoming.starting?.length &&
    !incoming.clicks.length &&
    !incoming.withdrawals.length &&
    !incoming.reanalyze &&
    incoming.headSha !== undefined &&
    incoming.headSha === running.headSha &&
    (incoming.baseSha === undefined || incoming.baseSha === running.baseSha) &&
    incoming.events.every((e) => e.startsWith('pull_request.'))
  );
}

/** The heads the job has check runs for, created or being created: it completes them all. */
export function jobRunShas(job: PrJob): string[] {
  return [...job.started.map((s) => s.sha), ...(job.starting ?? []).map((s) => s.sha)];
}

/**
 * A newer head commit makes the running job's result obsolete. A late delivery for a head the job
 * already knows (its check run is the job's), or for a push older than the job's (deliveries can be
 * handled out of order), does not.
 */
export function jobSupersedes(running: PrJob, incoming: PrJob): boolean {
  return (
    incoming.headSha !== undefined &&
    running.headSha !== undefined &&
    incoming.headSha !== running.headSha &&
    !jobRunShas(running).includes(incoming.headSha) &&
    !isOlderHead(running, incoming)
  );
}

/**
 * The pull request moved past the head this job's events named (a push landed while the job
 * waited): the delivery of that push starts a job of its own, which publishes for the new head.
 * Publishing here too would give the new head two check runs, so the job only closes its own.
 * A job with clicks or withdrawals still runs: what a reviewer did is recorded whatever the head.
 */
export function jobIsBehind(job: PrJob, head: string): boolean {
  return (
    job.headSha !== undefined &&
    job.headSha !== head &&
    !jobRunShas(job).includes(head) &&
    !job.clicks.length &&
    !job.withdrawals.length &&
    !job.reanalyze
  );
}
