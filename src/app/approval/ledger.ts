import type { Actor, Withdrawal } from './types.js';

/**
 * What the App keeps in its own check runs, which only the App can write (a comment can be edited
 * by anyone with write access): the fingerprint the run reviewed, the findings it asked about (to
 * say what changed later), clicks on its "Approve" button (GitHub keeps no record of those), the
 * withdrawals of approvals seen so far (a revoke comment can be deleted, a review dismissed), and
 * whether the App has asked the privacy reviewers for a review on this pull request.
 */
export interface Ledger {
  v: 1;
  fingerprint: string;
  /** When this run first published its review (an approval refresh rewrites the run, not this). */
  reviewedAt: string;
  /** 16-character prefixes of the ids of findings the reviewer is asked about. */
  asked: string[];
  clicks: Click[];
  withdrawals: Withdrawal[];
  requested: boolean;
}

export interface Click {
  actor: Actor;
  at: string;
  fingerprint: string;
}

const OPEN = '<!-- privacy-review:ledger ';
const CLOSE = ' -->';
const MAX_ASKED = 2000;
const MAX_CLICKS = 50;
const MAX_WITHDRAWALS = 100;

/** The ledger as a hidden HTML comment for the end of `output.text` (base64url: no `--` inside). */
export function encodeLedger(ledger: Ledger): string {
  const withdrawals = [...ledger.withdrawals].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_WITHDRAWALS);
  const data: Ledger = { ...ledger, asked: ledger.asked.slice(0, MAX_ASKED), clicks: ledger.clicks.slice(-MAX_CLICKS), withdrawals };
  return `${OPEN}${Buffer.from(JSON.stringify(data), 'utf8').toString('base64url')}${CLOSE}`;
}

/** The ledger in a check run's text; undefined when there is none or it is not ours. */
export function decodeLedger(text: string | null | undefined): Ledger | undefined {
  if (!text) return undefined;
  const start = text.lastIndexOf(OPEN);
  if (start < 0) return undefined;
  const end = text.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return undefined;
  try {
    const data = JSON.parse(Buffer.from(text.slice(start + OPEN.length, end), 'base64url').toString('utf8')) as Partial<Ledger>;
    if (data.v !== 1 || typeof data.fingerprint !== 'string' || typeof data.reviewedAt !== 'string') return undefined;
    const clicks = Array.isArray(data.clicks)
      ? data.clicks.filter(
          (c): c is Click =>
            !!c &&
            typeof c.at === 'string' &&
            typeof c.fingerprint === 'string' &&
            typeof c.actor?.login === 'string' &&
            typeof c.actor?.type === 'string',
        )
      : [];
    const asked = Array.isArray(data.asked) ? data.asked.filter((a): a is string => typeof a === 'string') : [];
    const withdrawals = Array.isArray(data.withdrawals) ? data.withdrawals.filter(isWithdrawal) : [];
    return {
      v: 1,
      fingerprint: data.fingerprint,
      reviewedAt: data.reviewedAt,
      asked,
      clicks,
      withdrawals,
      requested: data.requested === true,
    };
  } catch {
    return undefined;
  }
}

function isWithdrawal(w: unknown): w is Withdrawal {
  const x = w as Partial<Withdrawal> | null;
  return (
    !!x &&
    (x.via === 'review' || x.via === 'comment') &&
    typeof x.id === 'number' &&
    typeof x.at === 'string' &&
    typeof x.actor?.login === 'string' &&
    typeof x.actor?.type === 'string'
  );
}

/** The text without its ledger (to replace it). */
export function stripLedger(text: string): string {
  const start = text.lastIndexOf(OPEN);
  return start < 0 ? text : text.slice(0, start).replace(/\s+$/, '');
}

/** What a finding id is recorded as. */
export function askedId(id: string): string {
  return id.slice(0, 16);
}
