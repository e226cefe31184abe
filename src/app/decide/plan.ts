import type { Ledger } from '../approval/ledger.js';
import type { AuditEntry } from '../approval/types.js';
import type { Decision } from '../../review/types.js';
import type { CheckResult, CheckRunRecord } from '../github/checks.js';
import { checkText } from '../present/documents.js';
import type { ReviewRequest } from '../present/review-requests.js';
import type { LedgerUpdate } from './signals.js';

/**
 * What the job writes, decided before anything is written (src/app/decide/decide.ts); the
 * publisher (src/app/pipeline/publish.ts) applies it in this order: ledger updates, the pull
 * request's comment, label and review request, the check run, then the stale runs.
 */
export interface Plan {
  /** Older runs whose ledger records a click now. */
  ledgerUpdates: LedgerUpdate[];
  /** The pull request's writes; undefined when a push arrived while the job ran (the newer job writes them). */
  pullRequest?: PullRequestWrites;
  check: PlannedCheck;
  /** Runs nothing else will complete: the head's get the result, an earlier commit's fail closed. */
  stale: PlannedStale[];
  /** Where a check run links when there is no comment to link to. */
  pullUrl: string;
  /** What the log says about the decision. */
  log: { decision: Decision; approved: boolean };
}

export interface PullRequestWrites {
  /** The sticky comment; `create: false` only updates one that exists (a review that passes says nothing new). */
  comment: { body: string; create: boolean };
  label?: { name: string; want: boolean; current: readonly string[] };
  /** Whom to ask for a review (once per pull request); undefined: nobody to ask, or asked before. */
  request?: ReviewRequest;
}

export interface PlannedCheck {
  /** The run to complete; undefined: a new one is started for the head. */
  id?: number;
  /** The result without its text (the ledger records whether the review request went out) and its link. */
  result: Omit<CheckResult, 'text' | 'detailsUrl'>;
  /** The ledger as the run records it, with `requested` as it was before this job. */
  ledger: Ledger;
  audit: readonly AuditEntry[];
  /** Lines after the audit trail. */
  notes: readonly string[];
}

export interface PlannedStale {
  run: CheckRunRecord;
  result: CheckResult;
  /** The result links to where this job published (its comment, else the pull request). */
  linksToResult: boolean;
}

/** What publishing the pull request's part came to: the comment's address, whether the reviewers were asked. */
export interface Published {
  commentUrl?: string;
  /** The review request went out now. */
  requested: boolean;
}

/** The check run's result once the pull request's part is published. */
export function checkResult(plan: Plan, published: Published): CheckResult {
  const ledger: Ledger = { ...plan.check.ledger, requested: plan.check.ledger.requested || published.requested };
  return {
    ...plan.check.result,
    text: checkText(plan.check.audit, ledger, plan.check.notes),
    detailsUrl: published.commentUrl ?? plan.pullUrl,
  };
}

/** A stale run's result once the pull request's part is published. */
export function staleResult(stale: PlannedStale, plan: Plan, published: Published): CheckResult {
  return stale.linksToResult ? { ...stale.result, detailsUrl: published.commentUrl ?? plan.pullUrl } : stale.result;
}
