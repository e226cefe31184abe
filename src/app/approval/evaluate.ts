import { eligibility, type TeamsOf } from './eligibility.js';
import { fingerprintAt, fingerprintOfCommit, resolvePrefix } from './history.js';
import type {
  Actor,
  ApprovalSignal,
  ApprovalState,
  Approval,
  AuditEntry,
  FingerprintRecord,
  Refusal,
  ReviewerPolicy,
  Via,
  Withdrawal,
} from './types.js';

export interface EvaluateInput {
  /** The fingerprint of the review now on show. */
  fingerprint: string;
  author: string;
  policy: ReviewerPolicy;
  signals: readonly ApprovalSignal[];
  /** Every completed review of this pull request the App knows of, the current one included. */
  history: readonly FingerprintRecord[];
  teamsOf: TeamsOf;
  /**
   * Withdrawals seen before (the App's ledger) or in the webhook that asked for this evaluation:
   * they hold even when the comment is gone or edited, or the review dismissed, by now.
   */
  withdrawals?: readonly Withdrawal[];
}

const VIA_ORDER: Record<Via, number> = { review: 0, comment: 1, action: 2 };
const MAX_REFUSALS = 20;

/**
 * Replay approvals, withdrawals and refusals in time order. An approval covers the fingerprint on
 * show when it was given (a review: that of the commit it was submitted on; a comment: the one
 * named, or the one on show when it was written; the check run's button: that run's). It counts
 * while that fingerprint is the current one; `/privacy revoke` and a "request changes" review by
 * the same reviewer withdraw every earlier approval of theirs, and stay in effect once seen
 * (whatever happens to the comment or review afterwards); a dismissed review never counts.
 */
export function evaluateApprovals(input: EvaluateInput): ApprovalState {
  const signals = [...input.signals, ...recordedWithdrawals(input.signals, input.withdrawals ?? [])].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || VIA_ORDER[a.via] - VIA_ORDER[b.via] || a.id - b.id,
  );
  const active = new Map<string, Approval[]>();
  const audit: AuditEntry[] = [];
  const refused: Refusal[] = [];

  const refuse = (s: ApprovalSignal, reason: string) => {
    refused.push({ login: s.actor.login, via: s.via, at: s.at, reason, ...(s.url ? { url: s.url } : {}) });
    audit.push({ at: s.at, login: s.actor.login, via: s.via, action: 'refused', note: reason, ...(s.url ? { url: s.url } : {}) });
  };
  const approve = (s: ApprovalSignal, as: string, fingerprint: string) => {
    const key = s.actor.login.toLowerCase();
    const approval: Approval = { reviewer: s.actor.login, via: s.via, at: s.at, fingerprint, as, ...(s.url ? { url: s.url } : {}) };
    active.set(key, [...(active.get(key) ?? []), approval]);
    audit.push({ at: s.at, login: s.actor.login, via: s.via, action: 'approved', fingerprint, ...(s.url ? { url: s.url } : {}) });
  };
  const withdrawals = new Map<string, Withdrawal>();
  const withdraw = (s: ApprovalSignal, action: 'revoked' | 'changes requested') => {
    active.delete(s.actor.login.toLowerCase());
    if (s.via !== 'action')
      withdrawals.set(`${s.via}:${s.id}`, { via: s.via, id: s.id, actor: s.actor, at: s.at, ...(s.url ? { url: s.url } : {}) });
    audit.push({ at: s.at, login: s.actor.login, via: s.via, action, ...(s.url ? { url: s.url } : {}) });
  };
  const check = (actor: Actor) => eligibility(actor, input.author, input.policy, input.teamsOf);

  for (const s of signals) {
    if (s.via === 'review') {
      const state = s.state.toUpperCase();
      if (state !== 'APPROVED' && state !== 'CHANGES_REQUESTED' && state !== 'DISMISSED') continue;
      const who = check(s.actor);
      if (!who.ok) {
        if (state === 'APPROVED') refuse(s, who.reason);
        continue;
      }
      if (state === 'DISMISSED') {
        audit.push({
          at: s.at,
          login: s.actor.login,
          via: 'review',
          action: 'dismissed',
          note: 'a dismissed review does not count',
          ...(s.url ? { url: s.url } : {}),
        });
      } else if (state === 'CHANGES_REQUESTED') {
        withdraw(s, 'changes requested');
      } else {
        const fp = fingerprintOfCommit(s.commit, s.at, input.history);
        if (fp) approve(s, who.as, fp);
        else if (input.history.some((r) => r.sha === s.commit))
          refuse(s, `the review was submitted on commit ${s.commit.slice(0, 7)} before its privacy review completed; approve again`);
        else refuse(s, `the review was submitted on commit ${s.commit.slice(0, 7)}, which has no completed privacy review; approve again`);
      }
    } else if (s.via === 'comment') {
      const cmd = s.command;
      if (cmd.verb === 'unknown') {
        refuse(s, `\`${cmd.text}\` is not a command; use \`/privacy approve\` or \`/privacy revoke\``);
        continue;
      }
      const who = check(s.actor);
      if (!who.ok) {
        refuse(s, who.reason);
        continue;
      }
      if (cmd.verb === 'revoke') {
        // Honoured even when edited: withdrawing can only make the review stricter.
        withdraw(s, 'revoked');
        continue;
      }
      if (s.edited) {
        refuse(s, 'an edited comment does not approve (anyone with write access can edit comments); write a new comment');
        continue;
      }
      const fp = cmd.fingerprint ? resolvePrefix(cmd.fingerprint, input.history) : fingerprintAt(s.at, input.history);
      if (fp) approve(s, who.as, fp);
      else if (cmd.fingerprint) refuse(s, `no privacy review of this pull request has a fingerprint starting with \`${cmd.fingerprint}\``);
      else refuse(s, 'no privacy review had completed when this was written; comment `/privacy approve` again');
    } else {
      const who = check(s.actor);
      if (!who.ok) refuse(s, who.reason);
      else if (!s.fingerprint) refuse(s, 'the check run had no completed review to approve');
      else approve(s, who.as, s.fingerprint);
    }
  }

  const current: Approval[] = [];
  const outdated: Approval[] = [];
  for (const list of active.values()) {
    const mine = list.filter((a) => a.fingerprint === input.fingerprint);
    if (mine.length) current.push(mine[mine.length - 1]);
    else if (list.length) outdated.push(list[list.length - 1]);
  }
  const approvedLogins = new Set(current.map((a) => a.reviewer.toLowerCase()));
  // A refusal the same person has since made good is noise; of the rest, the latest per person and way.
  const latest = new Map<string, Refusal>();
  for (const r of refused) if (!approvedLogins.has(r.login.toLowerCase())) latest.set(`${r.login.toLowerCase()}:${r.via}`, r);
  const byTime = (a: { at: string }, b: { at: string }) => Date.parse(a.at) - Date.parse(b.at);
  return {
    fingerprint: input.fingerprint,
    required: input.policy.required,
    approved: current.length >= Math.max(1, input.policy.required),
    current: current.sort(byTime),
    outdated: outdated.sort(byTime),
    refused: [...latest.values()].sort(byTime).slice(-MAX_REFUSALS),
    audit,
    withdrawals: [...withdrawals.values()],
  };
}

/**
 * Recorded withdrawals as the signals they were, unless GitHub still shows that same comment or
 * review as a withdrawal (it is replayed from there, once).
 */
function recordedWithdrawals(live: readonly ApprovalSignal[], recorded: readonly Withdrawal[]): ApprovalSignal[] {
  const shown = new Set(live.filter(isWithdrawal).map((s) => `${s.via}:${s.id}`));
  const out = new Map<string, ApprovalSignal>();
  for (const w of recorded) {
    const key = `${w.via}:${w.id}`;
    if (shown.has(key) || out.has(key)) continue;
    const url = w.url ? { url: w.url } : {};
    out.set(
      key,
      w.via === 'comment'
        ? { via: 'comment', id: w.id, actor: w.actor, at: w.at, command: { verb: 'revoke' }, edited: false, ...url }
        : { via: 'review', id: w.id, actor: w.actor, at: w.at, state: 'CHANGES_REQUESTED', commit: '', ...url },
    );
  }
  return [...out.values()];
}

function isWithdrawal(s: ApprovalSignal): boolean {
  return (s.via === 'comment' && s.command.verb === 'revoke') || (s.via === 'review' && s.state.toUpperCase() === 'CHANGES_REQUESTED');
}
