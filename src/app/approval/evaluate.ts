import { eligibility, type TeamsOf } from './eligibility.js';
import { fingerprintAt, fingerprintOfCommit, resolvePrefix } from './history.js';
import type { Actor, ApprovalSignal, ApprovalState, Approval, AuditEntry, FingerprintRecord, Refusal, ReviewerPolicy, Via } from './types.js';

export interface EvaluateInput {
  /** The fingerprint of the review now on show. */
  fingerprint: string;
  author: string;
  policy: ReviewerPolicy;
  signals: readonly ApprovalSignal[];
  /** Every completed review of this pull request the App knows of, the current one included. */
  history: readonly FingerprintRecord[];
  teamsOf: TeamsOf;
}

const VIA_ORDER: Record<Via, number> = { review: 0, comment: 1, action: 2 };
const MAX_REFUSALS = 20;

/**
 * Replay approvals, withdrawals and refusals in time order. An approval covers the fingerprint on
 * show when it was given (a review: that of the commit it was submitted on; a comment: the one
 * named, or the one on show when it was written; the check run's button: that run's). It counts
 * while that fingerprint is the current one; `/privacy revoke` and a "request changes" review by
 * the same reviewer withdraw every earlier approval of theirs; a dismissed review never counts.
 */
export function evaluateApprovals(input: EvaluateInput): ApprovalState {
  const signals = [...input.signals].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || VIA_ORDER[a.via] - VIA_ORDER[b.via] || a.id - b.id);
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
  const withdraw = (s: ApprovalSignal, action: 'revoked' | 'changes requested') => {
    active.delete(s.actor.login.toLowerCase());
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
        audit.push({ at: s.at, login: s.actor.login, via: 'review', action: 'dismissed', note: 'a dismissed review does not count', ...(s.url ? { url: s.url } : {}) });
      } else if (state === 'CHANGES_REQUESTED') {
        withdraw(s, 'changes requested');
      } else {
        const fp = fingerprintOfCommit(s.commit, input.history);
        if (fp) approve(s, who.as, fp);
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
    if (mine.length) current.push(mine[mine.length - 1]!);
    else if (list.length) outdated.push(list[list.length - 1]!);
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
  };
}

