import type { Actor } from '../approval/types.js';
import type { PullRef } from '../github/types.js';

/** A click on the check run's "Approve" button: GitHub keeps no record, the App writes it into that run. */
export interface PendingClick {
  checkRunId: number;
  /** The commit of the clicked run (to find the run among the App's records). */
  sha: string;
  actor: Actor;
  at: string;
}

/** Everything an evaluation of one pull request needs to know about the events that asked for it. */
export interface PrJob {
  // privacy-review-ignore pii-field -- a GitHub App installation id, not a device identifier
  installationId: number;
  pr: PullRef;
  /** Head and base the event named (undefined: whatever the pull request has when the job runs). */
  headSha?: string;
  baseSha?: string;
  /** In-progress check runs the webhooks created; the job completes every one of them. */
  started: { sha: string; id: number }[];
  clicks: PendingClick[];
  /** Analyze again even if a result for this head and base is cached (re-run requested). */
  reanalyze: boolean;
  /** Event names, for logs. */
  events: string[];
}

export function jobKey(pr: PullRef): string {
  return `${pr.owner}/${pr.repo}#${pr.number}`;
}

/** Fold a newer event into the job waiting for the same pull request: the newer head wins, nothing is lost. */
export function mergeJobs(older: PrJob, newer: PrJob): PrJob {
  return {
    installationId: newer.installationId,
    pr: newer.pr,
    headSha: newer.headSha ?? older.headSha,
    baseSha: newer.baseSha ?? older.baseSha,
    started: [...older.started, ...newer.started],
    clicks: [...older.clicks, ...newer.clicks],
    reanalyze: older.reanalyze || newer.reanalyze,
    events: [...older.events, ...newer.events].slice(-20),
  };
}

/** The running job already does all this event asks: same head and base, no check run, click or re-run of its own. */
export function jobCovers(running: PrJob, incoming: PrJob): boolean {
  return (
    !incoming.started.length &&
    !incoming.clicks.length &&
    !incoming.reanalyze &&
    incoming.headSha !== undefined &&
    incoming.headSha === running.headSha &&
    (incoming.baseSha === undefined || incoming.baseSha === running.baseSha) &&
    incoming.events.every((e) => e.startsWith('pull_request.'))
  );
}

/** A newer head commit makes the running job's result obsolete. */
export function jobSupersedes(running: PrJob, incoming: PrJob): boolean {
  return incoming.headSha !== undefined && running.headSha !== undefined && incoming.headSha !== running.headSha;
}
