import { code } from '../../render/escape.js';
import type { Decision } from '../../review/types.js';
import { shortFingerprint } from '../approval/history.js';
import type { Approval, ApprovalState, AuditEntry, Via } from '../approval/types.js';
import type { AppSettings } from '../config/types.js';

/** Upper bound of the approval section; the checklist gets the rest of GitHub's 65,535 characters. */
export const SECTION_BUDGET = 8000;

export interface SectionInput {
  decision: Decision;
  approval: ApprovalState;
  settings: AppSettings;
  /** Per reviewer (lower-case login): why their earlier approval no longer applies. */
  changes: ReadonlyMap<string, string>;
}

const VIA: Record<Via, string> = { review: 'approving review', comment: '`/privacy approve`', action: 'check run **Approve** button' };

/**
 * The App's part of the comment and the check summary: whether an approval is needed, who approved
 * which fingerprint, how to approve, which approvals lapsed and why, which attempts did not count.
 * Logins are in code spans: editing the comment must not notify people again and again.
 */
export function approvalSection(input: SectionInput): string {
  const { approval, settings } = input;
  const fp = shortFingerprint(approval.fingerprint);
  const out: string[] = [];
  if (input.decision === 'pass') {
    out.push('**Privacy approval:** not needed: this pull request adds no undeclared personal data, data flows or declaration changes.');
  } else if (input.decision === 'fail') {
    out.push('**Privacy approval:** not possible until the problems below are fixed; an approval does not override a failed review.');
  } else if (approval.approved) {
    out.push(`**Privacy approval:** ✅ approved for review fingerprint \`${fp}\` by ${approval.current.map(describeApproval).join('; ')}.`);
  } else {
    const who = reviewerList(settings);
    const need = Math.max(1, approval.required) - approval.current.length;
    out.push(
      who
        ? `**Privacy approval:** ⏳ waiting for ${need === 1 ? 'an approval' : `${need} more approvals`} of review fingerprint \`${fp}\` from a privacy reviewer (${who}).`
        : '**Privacy approval:** ⏳ required, but no privacy reviewers are configured: add `reviewers` to `.github/privacy-review.yml` on the default branch.',
    );
    if (approval.current.length) out.push('', `Approved so far by ${approval.current.map(describeApproval).join('; ')}.`);
    out.push(
      '',
      `Privacy reviewers approve with an approving pull request review, a comment \`/privacy approve ${fp}\`, or the **Approve** button of the check run. ` +
        '`/privacy revoke` withdraws an approval. An approval covers this fingerprint: pushes that leave it unchanged keep it.',
      '',
      '_Ticking the boxes in this comment does not approve: anyone who can edit the comment can tick them. Only the three ways above count._',
    );
  }
  if (input.decision === 'review_required' && approval.outdated.length) {
    out.push('', '**Approvals that no longer apply**', '');
    for (const a of approval.outdated.slice(0, 20)) {
      const why = input.changes.get(a.reviewer.toLowerCase()) ?? 'the review has changed since';
      out.push(
        `- ${person(a.reviewer)} approved fingerprint \`${shortFingerprint(a.fingerprint)}\` (${when(a.at)}): ${truncate(why, 600)}.`,
      );
    }
  }
  if (input.decision !== 'pass' && approval.refused.length) {
    out.push('', '**Did not count**', '');
    for (const r of approval.refused)
      out.push(`- ${person(r.login)}, ${VIA[r.via]}${link(r.url)} (${when(r.at)}): ${truncate(r.reason, 300)}.`);
  }
  if (settings.mode === 'warn' && input.decision !== 'pass') {
    out.push('', '<sub>This repository runs the privacy review in warn mode: the check does not block merging.</sub>');
  }
  return fit(out.join('\n'), SECTION_BUDGET);
}

/** The audit trail for the check run's details: who approved, withdrew or was refused, which fingerprint, when. */
export function auditTrail(audit: readonly AuditEntry[], max = 100): string {
  if (!audit.length) return '## Approval audit trail\n\nNo approvals, withdrawals or refused attempts yet.';
  const rows = audit
    .slice(-max)
    .map(
      (e) =>
        `| ${when(e.at)} | ${person(e.login)} | ${e.action}${e.note ? `: ${truncate(e.note, 200).replace(/\|/g, '\\|')}` : ''} | ${e.fingerprint ? `\`${shortFingerprint(e.fingerprint)}\`` : ''} | ${VIA[e.via]}${link(e.url)} |`,
    );
  const skipped = audit.length > max ? `\n\n${audit.length - max} earlier entries are not shown.` : '';
  return (
    ['## Approval audit trail', '', '| When (UTC) | Who | What | Fingerprint | How |', '| --- | --- | --- | --- | --- |', ...rows].join(
      '\n',
    ) + skipped
  );
}

function describeApproval(a: Approval): string {
  return `${person(a.reviewer)} (${a.as === 'listed reviewer' ? 'listed reviewer' : `member of ${person(a.as)}`}, ${VIA[a.via]}${link(a.url)}, ${when(a.at)})`;
}

function reviewerList(settings: AppSettings): string {
  return [...settings.reviewers.users, ...settings.reviewers.teams].map(person).join(', ');
}

/** A login or team in a code span: readable, and no notification on every edit. */
export function person(login: string): string {
  return code(`@${login}`);
}

/** `2024-05-01 12:00 UTC`. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function link(url: string | undefined): string {
  return url && /^https?:\/\/[^\s()<>]+$/.test(url) ? ` ([link](${url}))` : '';
}

function truncate(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 40);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_… shortened to fit._`;
}
