import type { Ledger } from '../approval/ledger.js';
import type { Actor, FingerprintRecord, Withdrawal } from '../approval/types.js';
import type { Review } from '../../review/types.js';
import type { AppSettings } from '../config/types.js';
import type { CheckRunRecord } from '../github/checks.js';
import type { Prepared } from '../present/documents.js';

/** The review of a change and what the App prepared from it once (independent of approvals); cached per commit pair. */
export interface Analysis {
  review: Review;
  prepared: Prepared;
  /** Ids of the findings the reviewer is asked about (recorded in the check run). */
  asked: string[];
}

/** A pull request review as GitHub lists it (the fields the decision reads). */
export interface ReviewFact {
  id: number;
  user: Actor | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null;
  html_url: string;
}

/** An issue comment of the pull request as GitHub lists it (the fields the decision reads). */
export interface CommentFact {
  id: number;
  user: Actor | null;
  body?: string | null;
  created_at: string;
  updated_at: string;
  html_url: string;
}

/** The App's own record of the pull request: its check runs, the reviews they completed, their ledgers. */
export interface HistoryFact {
  /** Newest first. */
  runs: readonly CheckRunRecord[];
  records: readonly FingerprintRecord[];
  ledgers: ReadonlyMap<number, Ledger>;
}

/**
 * Everything the decision about one pull request reads, gathered from GitHub before it is made
 * (src/app/pipeline/gather.ts). Plain data: the decision is a function of it.
 */
export interface Facts {
  /** The pull request as read when the job started. */
  pull: { author: string; owner: string; headSha: string; htmlUrl: string };
  /** The pull request read again just before publishing: a push while the job ran leaves the pull request's writes to the newer job. */
  latest: {
    headSha: string;
    open: boolean;
    labels: readonly string[];
    requestedUsers: readonly string[];
    requestedTeams: readonly string[];
  };
  settings: AppSettings;
  /** The App's bot login: its own comments are neither commands nor the reviewers'. */
  botLogin: string;
  reviews: readonly ReviewFact[];
  comments: readonly CommentFact[];
  history: HistoryFact;
  /** Per lower-case login: the listed teams the person is an active member of (only those looked up). */
  teams: ReadonlyMap<string, readonly string[]>;
  /** The head's run a webhook started for this job: the result is written there. */
  target?: number;
  /** Every run the job's webhooks started: the job completes them, so none of them is stale. */
  started: readonly number[];
  /** Withdrawals the webhooks showed (a revoke comment deleted or edited since, a dismissed review). */
  withdrawals: readonly Withdrawal[];
  /** An in-progress run of the App this old that no job works on is completed (undefined: the default). */
  staleAfterMs?: number;
}
