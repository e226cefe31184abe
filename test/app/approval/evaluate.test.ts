import { evaluateApprovals } from '../../../src/app/approval/evaluate.js';
import type { ApprovalSignal, FingerprintRecord, Withdrawal } from '../../../src/app/approval/types.js';

/**
 * Approval decisions as a table: who approved what, when, how, and what counts for the current
 * fingerprint. Times: the old review completed at 10:00, the current one at 11:00.
 */
const OLD = 'a'.repeat(64);
const NOW = 'b'.repeat(64);
const HISTORY: FingerprintRecord[] = [
  { sha: 'sha-old', fingerprint: OLD, completedAt: '2024-05-01T10:00:00Z' },
  { sha: 'sha-new', fingerprint: NOW, completedAt: '2024-05-01T11:00:00Z' },
];
const POLICY = { users: ['priv', 'priv2'], teams: ['acme/privacy'], required: 1 };
const TEAMS: Record<string, string[]> = { teammate: ['acme/privacy'] };

const person = (login: string, type = 'User') => ({ login, type });
let n = 0;
const comment = (login: string, body: string, at = '2024-05-01T11:30:00Z', edited = false): ApprovalSignal => {
  const verb = body.split(' ')[1] as 'approve' | 'revoke';
  const fp = body.split(' ')[2];
  return {
    via: 'comment',
    id: ++n,
    actor: person(login),
    at,
    command: verb === 'approve' ? { verb, ...(fp ? { fingerprint: fp } : {}) } : { verb: 'revoke' },
    edited,
  };
};
const review = (login: string, state: string, commit = 'sha-new', at = '2024-05-01T11:30:00Z'): ApprovalSignal => ({
  via: 'review',
  id: ++n,
  actor: person(login),
  at,
  state,
  commit,
});
const click = (login: string, fingerprint: string, at = '2024-05-01T11:30:00Z', type = 'User'): ApprovalSignal => ({
  via: 'action',
  id: ++n,
  actor: person(login, type),
  at,
  fingerprint,
});

interface Case {
  name: string;
  signals: ApprovalSignal[];
  approved: boolean;
  current?: string[];
  outdated?: string[];
  refused?: RegExp;
  required?: number;
}

const cases: Case[] = [
  {
    name: 'listed reviewer, /privacy approve after the review completed',
    signals: [comment('priv', '/privacy approve')],
    approved: true,
    current: ['priv'],
  },
  {
    name: 'the author cannot approve',
    signals: [comment('dev', '/privacy approve')],
    approved: false,
    refused: /author of a pull request cannot approve/,
  },
  {
    name: 'a listed reviewer who is the author cannot approve either',
    signals: [comment('priv', '/privacy approve')],
    approved: false,
    refused: /author/,
  },
  { name: 'someone not listed', signals: [comment('mallory', '/privacy approve')], approved: false, refused: /not a privacy reviewer/ },
  { name: 'a bot', signals: [click('helper[bot]', NOW, '2024-05-01T11:30:00Z', 'Bot')], approved: false, refused: /bots cannot approve/ },
  { name: 'a member of a listed team', signals: [comment('teammate', '/privacy approve')], approved: true, current: ['teammate'] },
  {
    name: 'approval of the old review does not cover the new one',
    signals: [comment('priv', '/privacy approve', '2024-05-01T10:30:00Z')],
    approved: false,
    outdated: ['priv'],
  },
  {
    name: '/privacy revoke withdraws',
    signals: [comment('priv', '/privacy approve'), comment('priv', '/privacy revoke', '2024-05-01T11:40:00Z')],
    approved: false,
  },
  {
    name: 'approve after revoke counts again',
    signals: [comment('priv', '/privacy revoke', '2024-05-01T11:20:00Z'), comment('priv', '/privacy approve')],
    approved: true,
  },
  { name: 'an approving review on the head commit', signals: [review('priv', 'APPROVED')], approved: true, current: ['priv'] },
  {
    name: 'an approving review on the old commit covers the old fingerprint only',
    signals: [review('priv', 'approved', 'sha-old')],
    approved: false,
    outdated: ['priv'],
  },
  { name: 'a dismissed review does not count', signals: [review('priv', 'DISMISSED')], approved: false },
  {
    name: 'requesting changes withdraws an earlier approval',
    signals: [comment('priv', '/privacy approve'), review('priv', 'CHANGES_REQUESTED', 'sha-new', '2024-05-01T11:45:00Z')],
    approved: false,
  },
  {
    name: 'a review on a commit the App never reviewed',
    signals: [review('priv', 'APPROVED', 'sha-unknown')],
    approved: false,
    refused: /no completed privacy review; approve again/,
  },
  {
    name: 'an edited comment does not approve',
    signals: [comment('priv', '/privacy approve', '2024-05-01T11:30:00Z', true)],
    approved: false,
    refused: /edited comment/,
  },
  {
    name: 'a typed fingerprint prefix of the current review',
    signals: [comment('priv', `/privacy approve ${NOW.slice(0, 12)}`, '2024-05-01T10:30:00Z')],
    approved: true,
  },
  {
    name: 'a typed prefix nobody had',
    signals: [comment('priv', '/privacy approve 1234567')],
    approved: false,
    refused: /starting with `1234567`/,
  },
  {
    name: 'before any review completed',
    signals: [comment('priv', '/privacy approve', '2024-05-01T09:00:00Z')],
    approved: false,
    refused: /no privacy review had completed/,
  },
  {
    name: 'two approvals required, one given',
    signals: [comment('priv', '/privacy approve')],
    approved: false,
    required: 2,
    current: ['priv'],
  },
  {
    name: 'two approvals required, two given',
    signals: [comment('priv', '/privacy approve'), click('priv2', NOW)],
    approved: true,
    required: 2,
  },
  { name: 'the Approve button approves that run’s fingerprint', signals: [click('priv', NOW)], approved: true },
  { name: 'the Approve button on a run without a review', signals: [click('priv', '')], approved: false, refused: /no completed review/ },
];

test.each(cases)('$name', (c) => {
  const author = c.name.includes('who is the author') ? 'priv' : 'dev';
  const state = evaluateApprovals({
    fingerprint: NOW,
    author,
    policy: { ...POLICY, required: c.required ?? 1 },
    signals: c.signals,
    history: HISTORY,
    teamsOf: (login) => TEAMS[login] ?? [],
  });
  expect(state.approved).toBe(c.approved);
  if (c.current) expect(state.current.map((a) => a.reviewer)).toEqual(c.current);
  if (c.outdated) expect(state.outdated.map((a) => a.reviewer)).toEqual(c.outdated);
  if (c.refused) expect(state.refused.map((r) => r.reason).join('\n')).toMatch(c.refused);
  else expect(state.refused).toEqual([]);
});

describe('a base retargeted after approval', () => {
  // The head commit was reviewed against `stage` (OLD, approved at 11:30), then against `main` (NOW, at 12:00).
  const RETARGETED: FingerprintRecord[] = [
    { sha: 'sha-head', fingerprint: OLD, completedAt: '2024-05-01T11:00:00Z' },
    { sha: 'sha-head', fingerprint: NOW, completedAt: '2024-05-01T12:00:00Z' },
  ];
  const evaluate = (signals: ApprovalSignal[]) =>
    evaluateApprovals({ fingerprint: NOW, author: 'dev', policy: POLICY, signals, history: RETARGETED, teamsOf: () => [] });

  test.each<[string, ApprovalSignal]>([
    ['an approving review of the commit', review('priv', 'APPROVED', 'sha-head', '2024-05-01T11:30:00Z')],
    ['/privacy approve', comment('priv', '/privacy approve', '2024-05-01T11:30:00Z')],
    ['the Approve button on the run as it was then', click('priv', OLD, '2024-05-01T11:30:00Z')],
  ])('%s covers the comparison the reviewer saw, not the new one', (_name, signal) => {
    const state = evaluate([signal]);
    expect(state.approved).toBe(false);
    expect(state.outdated).toEqual([expect.objectContaining({ reviewer: 'priv', fingerprint: OLD })]);
  });

  test('a review submitted after the new comparison completed covers it', () => {
    expect(evaluate([review('priv', 'APPROVED', 'sha-head', '2024-05-01T12:10:00Z')]).approved).toBe(true);
  });

  test('a review submitted before the commit had any review is refused, not moved onto a later one', () => {
    const state = evaluate([review('priv', 'APPROVED', 'sha-head', '2024-05-01T10:30:00Z')]);
    expect(state.approved).toBe(false);
    expect(state.refused[0]?.reason).toMatch(/before its privacy review completed; approve again/);
  });
});

describe('a withdrawal stays in effect once the App has seen it', () => {
  const evaluate = (signals: ApprovalSignal[], withdrawals: Withdrawal[]) =>
    evaluateApprovals({ fingerprint: NOW, author: 'dev', policy: POLICY, signals, history: HISTORY, withdrawals, teamsOf: () => [] });
  const approved = comment('priv', '/privacy approve', '2024-05-01T11:30:00Z');
  const revoked: Withdrawal = { via: 'comment', id: 900, actor: person('priv'), at: '2024-05-01T11:40:00Z' };
  const changes: Withdrawal = { via: 'review', id: 901, actor: person('priv'), at: '2024-05-01T11:40:00Z' };

  test('the revoke comment deleted since', () => {
    const state = evaluate([approved], [revoked]);
    expect(state.approved).toBe(false);
    expect(state.audit.map((a) => a.action)).toEqual(['approved', 'revoked']);
    expect(state.withdrawals).toEqual([revoked]);
  });

  test('the revoke comment edited into something else since', () => {
    const edited: ApprovalSignal = {
      via: 'comment',
      id: 900,
      actor: person('priv'),
      at: '2024-05-01T11:40:00Z',
      command: { verb: 'approve' },
      edited: true,
    };
    expect(evaluate([approved, edited], [revoked]).approved).toBe(false);
  });

  test('the "request changes" review dismissed since by someone else', () => {
    const dismissed: ApprovalSignal = {
      via: 'review',
      id: 901,
      actor: person('priv'),
      at: '2024-05-01T11:40:00Z',
      state: 'DISMISSED',
      commit: 'sha-new',
    };
    expect(evaluate([approved, dismissed], [changes]).approved).toBe(false);
  });

  test('the same reviewer approving again afterwards approves', () => {
    expect(evaluate([approved, comment('priv', '/privacy approve', '2024-05-01T11:50:00Z')], [revoked]).approved).toBe(true);
  });

  test('a withdrawal still shown by GitHub and recorded too counts once', () => {
    const live = comment('priv', '/privacy revoke', '2024-05-01T11:40:00Z');
    const state = evaluate([approved, live], [{ ...revoked, id: live.id }]);
    expect(state.audit.filter((a) => a.action === 'revoked')).toHaveLength(1);
    expect(state.withdrawals).toEqual([expect.objectContaining({ via: 'comment', id: live.id })]);
  });

  test('a withdrawal by someone who is not a privacy reviewer is not kept', () => {
    const state = evaluate([approved], [{ ...revoked, actor: person('mallory') }]);
    expect(state.approved).toBe(true);
    expect(state.withdrawals).toEqual([]);
  });
});
