/** Who did something on GitHub: a login and its account type (`User`, `Bot`, `Organization`, ...). */
export interface Actor {
  login: string;
  type: string;
}

export type Via = 'review' | 'comment' | 'action';

/** A click on the check run's "Approve" button: GitHub keeps no record, the App writes it into that run. */
export interface PendingClick {
  checkRunId: number;
  /** The commit of the clicked run (to find the run among the App's records). */
  sha: string;
  actor: Actor;
  at: string;
  /** The fingerprint the clicked run showed (from the webhook); the run's current one when not given. */
  fingerprint?: string;
}

/** A `/privacy ...` line in a comment. `fingerprint` is a hex prefix the reviewer typed. */
export type Command = { verb: 'approve'; fingerprint?: string } | { verb: 'revoke' } | { verb: 'unknown'; text: string };

/** Something that may approve or withdraw an approval, as GitHub keeps it (recomputed on every event). */
export type ApprovalSignal =
  | { via: 'review'; id: number; actor: Actor; at: string; state: string; commit: string; url?: string }
  | { via: 'comment'; id: number; actor: Actor; at: string; command: Command; edited: boolean; url?: string }
  | { via: 'action'; id: number; actor: Actor; at: string; fingerprint: string; url?: string };

/**
 * A withdrawal the App has seen: a `/privacy revoke` comment or a "request changes" review, by
 * its GitHub id. Kept in the App's ledger, so that deleting or editing the comment, or dismissing
 * the review, afterwards does not bring the withdrawn approval back.
 */
export interface Withdrawal {
  via: 'review' | 'comment';
  id: number;
  actor: Actor;
  at: string;
  url?: string;
}

/** A completed privacy review of one commit, as its check run records it. */
export interface FingerprintRecord {
  sha: string;
  fingerprint: string;
  completedAt: string;
  /** Ids (16-character prefixes) of the findings the reviewer is asked about, when recorded: to say what changed. */
  asked?: readonly string[];
}

export interface ReviewerPolicy {
  users: readonly string[];
  /** `org/team-slug`. */
  teams: readonly string[];
  /** Distinct reviewers who must approve the current fingerprint. */
  required: number;
}

export interface Approval {
  reviewer: string;
  via: Via;
  at: string;
  fingerprint: string;
  /** Why this person may approve: `listed reviewer` or the team, `acme/privacy`. */
  as: string;
  url?: string;
}

export interface Refusal {
  login: string;
  via: Via;
  at: string;
  reason: string;
  url?: string;
}

export type AuditAction = 'approved' | 'revoked' | 'dismissed' | 'changes requested' | 'refused';

export interface AuditEntry {
  at: string;
  login: string;
  via: Via;
  action: AuditAction;
  fingerprint?: string;
  note?: string;
  url?: string;
}

export interface ApprovalState {
  fingerprint: string;
  required: number;
  approved: boolean;
  /** One per reviewer: approvals of the current fingerprint. */
  current: Approval[];
  /** Reviewers whose latest approval is for another fingerprint (and who have not approved this one). */
  outdated: Approval[];
  /** Attempts that do not count, each with the reason, latest per person and way. */
  refused: Refusal[];
  /** Everything that counted or was refused, in time order: the audit trail. */
  audit: AuditEntry[];
  /** Every withdrawal by a privacy reviewer, seen now or recorded before: for the ledger to keep. */
  withdrawals: Withdrawal[];
}
