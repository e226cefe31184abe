import { askedId, decodeLedger } from '../../../src/app/approval/ledger.js';
import type { Ledger } from '../../../src/app/approval/ledger.js';
import type { ReviewRequest } from '../../../src/app/present/review-requests.js';
import { checkRun, comment, review as prReview, reviewedRun } from '../helpers/github.js';
import { BOT, pullObject } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { HEAD_SHA, NOW, planFor, PULL_URL, type World } from './world.js';

/**
 * The decision as a table: what GitHub shows and what the webhooks brought → what the job writes.
 * Each row runs the real facts reader over a fake GitHub and the real decision; nothing is written.
 */
const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);
const ONE = makeReview([reviewed(finding('f1'))]);
const FP = ONE.verdict.reviewFingerprint;
const PASS = makeReview([]);
const STICKY = comment(3001, BOT, '<!-- privacy-review:v1 -->\nold body');
const PRIV = { login: 'priv', type: 'User' };
const approveAt = (at: string) => comment(3002, 'priv', '/privacy approve', { created_at: at, updated_at: at });

// A push that adds a flow: the fingerprint changes.
const first = finding('f1');
const BEFORE = makeReview([reviewed(first)]);
const AFTER = makeReview([
  reviewed(first),
  reviewed(finding('f2', { file: 'src/ai.ts', line: 12, sink: { kind: 'third_party', id: 'openai' } })),
]);
// A retarget: the same head brings a flow against the new base it did not bring against the old.
const AGAINST_OLD_BASE = makeReview([]).verdict.reviewFingerprint;
const AGAINST_NEW_BASE = makeReview([reviewed(finding('f1', { sink: { kind: 'third_party', id: 'segment' } }))]);

interface Expected {
  conclusion: string;
  title?: string | RegExp;
  /** The run written: an existing one's id, or `new`. */
  run?: number | 'new';
  annotated?: boolean;
  actions?: string[];
  /** The sticky comment: created if missing, only updated, or not written at all (a newer push). */
  comment?: 'create' | 'update only' | 'not written';
  commentHas?: string[];
  textHas?: string[];
  /** The label wanted on (true) or off (false); `none`: no label configured. */
  label?: boolean | 'none';
  request?: ReviewRequest;
  /** The written run's ledger. */
  ledger?: Partial<Ledger>;
  /** Older runs whose ledger records a click now. */
  ledgerUpdates?: number[];
}

const rows: [string, World, Expected][] = [
  [
    'opened with an undeclared flow: action required, the Approve button, annotations, comment, label, reviewers asked',
    { config: 'reviewers:\n  users: [priv]\n  teams: [acme/privacy]\nmode: block\n', review: ONE, target: 11 },
    {
      conclusion: 'action_required',
      title: /^Privacy approval required: 1 undeclared data flow/,
      run: 11,
      annotated: true,
      actions: ['approve'],
      comment: 'create',
      commentHas: [`/privacy approve ${FP.slice(0, 12)}`, 'Ticking the boxes in this comment does not approve'],
      label: true,
      request: { reviewers: ['priv'], team_reviewers: ['privacy'] },
      ledger: { fingerprint: FP, reviewedAt: NOW.toISOString(), requested: false },
    },
  ],
  [
    'a review that passes: success, no comment where there is none, nobody asked',
    { review: PASS, target: 22 },
    {
      conclusion: 'success',
      title: 'Passed: no new personal data, flows or declaration changes',
      run: 22,
      actions: [],
      comment: 'update only',
      commentHas: ['**Privacy approval:** not needed'],
      label: false,
    },
  ],
  [
    'a listed reviewer comments /privacy approve: the head’s run is rewritten to success without new annotations, the label comes off',
    {
      review: ONE,
      pull: pullObject({ labels: ['privacy-review-required'] }),
      comments: [STICKY, comment(3002, 'priv', '/privacy approve')],
      runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, FP, { annotations: 1 })] },
    },
    {
      conclusion: 'success',
      title: 'Approved by @priv',
      run: 21,
      annotated: false,
      actions: [],
      textHas: [`| 2024-05-01 12:10 UTC | \`@priv\` | approved | \`${FP.slice(0, 12)}\` | \`/privacy approve\``],
      commentHas: [`✅ approved for review fingerprint \`${FP.slice(0, 12)}\` by \`@priv\``],
      label: false,
    },
  ],
  [
    'the author’s own /privacy approve is refused, and the comment says why',
    {
      config: 'reviewers: {users: [priv, dev]}\n',
      review: ONE,
      comments: [comment(3002, 'dev', '/privacy approve')],
      runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, FP)] },
    },
    {
      conclusion: 'action_required',
      run: 21,
      comment: 'create',
      textHas: ['| `@dev` | refused: the author of a pull request cannot approve it |'],
      commentHas: [
        '**Did not count**',
        '`@dev`, `/privacy approve` ([link](https://github.com/acme/shop/pull/7#issuecomment-3002)) (2024-05-01 12:10 UTC): the author of a pull request cannot approve it.',
      ],
      label: true,
    },
  ],
  [
    'an approving review counts for the fingerprint of its commit',
    { review: ONE, reviews: [prReview(801, 'priv', 'APPROVED')], runs: { [HEAD_SHA]: [reviewedRun(70, HEAD_SHA, FP)] } },
    { conclusion: 'success', run: 70, label: false },
  ],
  [
    'a dismissed review does not count',
    { review: ONE, reviews: [prReview(801, 'priv', 'DISMISSED')], runs: { [HEAD_SHA]: [reviewedRun(70, HEAD_SHA, FP)] } },
    { conclusion: 'action_required', run: 70, label: true },
  ],
  [
    'a member of a listed team clicks Approve: the click is recorded in the run with the fingerprint it showed, and approves',
    {
      config: 'reviewers: {teams: [acme/privacy]}\n',
      review: ONE,
      runs: { [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, FP)] },
      teams: { 'acme/privacy/priv': 'active' },
      clicks: [{ checkRunId: 31, sha: HEAD_SHA, actor: PRIV, at: NOW.toISOString() }],
    },
    {
      conclusion: 'success',
      run: 31,
      textHas: ['| `@priv` | approved |'],
      commentHas: ['by `@priv` (member of `@acme/privacy`, check run **Approve** button'],
      ledger: { clicks: [{ actor: PRIV, at: NOW.toISOString(), fingerprint: FP }] },
      ledgerUpdates: [],
    },
  ],
  [
    'a pending team invitation is not membership',
    {
      config: 'reviewers: {teams: [acme/privacy]}\n',
      review: ONE,
      runs: { [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, FP)] },
      teams: { 'acme/privacy/priv': 'pending' },
      clicks: [{ checkRunId: 31, sha: HEAD_SHA, actor: PRIV, at: NOW.toISOString() }],
    },
    { conclusion: 'action_required', run: 31, textHas: ['refused: @priv is not a privacy reviewer'], label: true },
  ],
  [
    'a click on an older commit’s run is recorded in that run and counts for its fingerprint',
    {
      review: ONE,
      commits: [OLD, HEAD_SHA],
      runs: { [OLD]: [reviewedRun(29, OLD, FP)], [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, FP)] },
      clicks: [{ checkRunId: 29, sha: OLD, actor: PRIV, at: NOW.toISOString() }],
    },
    { conclusion: 'success', run: 31, ledgerUpdates: [29], ledger: { clicks: [] } },
  ],
  [
    'a push that keeps the fingerprint keeps the approval given on the previous commit',
    {
      review: ONE,
      pull: pullObject({ head: NEW, labels: ['privacy-review-required'] }),
      commits: [OLD, NEW],
      comments: [STICKY, comment(3002, 'priv', '/privacy approve')],
      runs: { [OLD]: [reviewedRun(50, OLD, FP, { reviewedAt: '2024-05-01T12:01:00Z' })], [NEW]: [] },
      target: 51,
    },
    { conclusion: 'success', title: 'Approved by @priv', run: 51, annotated: true, label: false },
  ],
  [
    'a push that changes the fingerprint: the approval lapses, the comment names the new finding, reviewers are not asked twice',
    {
      review: AFTER,
      pull: pullObject({ head: NEW }),
      commits: [OLD, NEW],
      comments: [STICKY, comment(3002, 'priv', '/privacy approve')],
      runs: {
        [OLD]: [
          reviewedRun(60, OLD, BEFORE.verdict.reviewFingerprint, { asked: [askedId(first.id)], requested: true, conclusion: 'success' }),
        ],
        [NEW]: [],
      },
      target: 61,
    },
    {
      conclusion: 'action_required',
      run: 61,
      commentHas: [
        '**Approvals that no longer apply**',
        `- \`@priv\` approved fingerprint \`${BEFORE.verdict.reviewFingerprint.slice(0, 12)}\` (2024-05-01 12:10 UTC): 1 new finding to review: data-flow in \`src/ai.ts:12\` (\`openai\`).`,
      ],
      label: true,
      ledger: { requested: true },
    },
  ],
  [
    'warn mode: neutral with the Approve button, no label when labels are off, reviewers asked',
    { config: 'mode: warn\nlabels: false\nreviewers: {users: [priv]}\n', review: ONE, target: 18 },
    {
      conclusion: 'neutral',
      title: /^Privacy review suggested \(warn mode\)/,
      actions: ['approve'],
      label: 'none',
      request: { reviewers: ['priv'], team_reviewers: [] },
    },
  ],
  [
    'a revoke the webhook showed holds though the comment is gone, and the ledger keeps it',
    {
      review: ONE,
      comments: [approveAt('2024-05-01T12:05:00Z')],
      runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, FP)] },
      withdrawals: [{ via: 'comment', id: 3003, actor: PRIV, at: '2024-05-01T12:10:00Z' }],
    },
    { conclusion: 'action_required', ledger: { withdrawals: [{ via: 'comment', id: 3003, actor: PRIV, at: '2024-05-01T12:10:00Z' }] } },
  ],
  [
    'a later evaluation, with the revoke gone from GitHub, still reads it from the ledger',
    {
      review: ONE,
      comments: [approveAt('2024-05-01T12:05:00Z')],
      runs: {
        [HEAD_SHA]: [
          reviewedRun(21, HEAD_SHA, FP, { withdrawals: [{ via: 'comment', id: 3003, actor: PRIV, at: '2024-05-01T12:10:00Z' }] }),
        ],
      },
    },
    { conclusion: 'action_required', ledger: { withdrawals: [{ via: 'comment', id: 3003, actor: PRIV, at: '2024-05-01T12:10:00Z' }] } },
  ],
  [
    '"request changes" withdraws the earlier approval and is recorded',
    {
      review: ONE,
      reviews: [prReview(800, 'priv', 'APPROVED', HEAD_SHA, '2024-05-01T12:05:00Z'), prReview(555, 'priv', 'CHANGES_REQUESTED')],
      runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, FP)] },
    },
    { conclusion: 'action_required', ledger: { withdrawals: [expect.objectContaining({ via: 'review', id: 555 })] as never } },
  ],
  [
    '"request changes" dismissed by someone else: the recorded withdrawal holds',
    {
      review: ONE,
      reviews: [prReview(800, 'priv', 'APPROVED', HEAD_SHA, '2024-05-01T12:05:00Z'), prReview(555, 'priv', 'DISMISSED')],
      runs: {
        [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, FP, { withdrawals: [{ via: 'review', id: 555, actor: PRIV, at: '2024-05-01T12:20:00Z' }] })],
      },
    },
    { conclusion: 'action_required' },
  ],
  [
    'retargeted: an approving review of the head, given against the old base, does not approve the new comparison',
    {
      review: AGAINST_NEW_BASE,
      reviews: [prReview(801, 'priv', 'APPROVED', HEAD_SHA, '2024-05-01T12:20:00Z')],
      runs: { [HEAD_SHA]: [reviewedRun(60, HEAD_SHA, AGAINST_OLD_BASE, { conclusion: 'success', reviewedAt: '2024-05-01T12:01:00Z' })] },
      target: 61,
    },
    { conclusion: 'action_required', title: /^Privacy approval required/, run: 61, label: true },
  ],
  [
    'retargeted: a click on the old run’s Approve button does not approve the new comparison either',
    {
      review: AGAINST_NEW_BASE,
      runs: {
        [HEAD_SHA]: [
          reviewedRun(60, HEAD_SHA, AGAINST_OLD_BASE, {
            conclusion: 'success',
            reviewedAt: '2024-05-01T12:01:00Z',
            clicks: [{ actor: PRIV, at: '2024-05-01T12:20:00Z', fingerprint: AGAINST_OLD_BASE }],
          }),
        ],
      },
      target: 61,
    },
    { conclusion: 'action_required', run: 61 },
  ],
  [
    'a click records the fingerprint the run showed when clicked (the webhook’s), not what the run shows later',
    {
      review: AGAINST_NEW_BASE,
      runs: { [HEAD_SHA]: [reviewedRun(60, HEAD_SHA, AGAINST_NEW_BASE.verdict.reviewFingerprint)] },
      clicks: [{ checkRunId: 60, sha: HEAD_SHA, actor: PRIV, at: NOW.toISOString(), fingerprint: AGAINST_OLD_BASE }],
    },
    { conclusion: 'action_required', run: 60, ledger: { clicks: [{ actor: PRIV, at: NOW.toISOString(), fingerprint: AGAINST_OLD_BASE }] } },
  ],
  [
    'a push while the job ran: the check run gets the result, the newer job writes comment, label and request',
    { review: ONE, latest: pullObject({ head: NEW }), target: 11 },
    { conclusion: 'action_required', run: 11, comment: 'not written' },
  ],
  [
    'no run to rewrite: a new one',
    { review: ONE },
    { conclusion: 'action_required', run: 'new', annotated: true, request: { reviewers: ['priv'], team_reviewers: [] } },
  ],
];

test.each(rows)('%s', async (_name, world, want) => {
  const { plan, result } = await planFor(world);
  expect(result.conclusion).toBe(want.conclusion);
  expect(result.externalId).toBe(world.review.verdict.reviewFingerprint);
  if (want.title instanceof RegExp) expect(result.title).toMatch(want.title);
  else if (want.title) expect(result.title).toBe(want.title);
  if (want.run !== undefined) expect(plan.check.id).toBe(want.run === 'new' ? undefined : want.run);
  if (want.annotated !== undefined) expect(result.annotations !== undefined).toBe(want.annotated);
  if (want.actions) expect(result.actions?.map((a) => a.identifier)).toEqual(want.actions);
  if (want.comment === 'not written') expect(plan.pullRequest).toBeUndefined();
  else if (want.comment) expect(plan.pullRequest?.comment.create).toBe(want.comment === 'create');
  for (const text of want.commentHas ?? []) expect(plan.pullRequest?.comment.body).toContain(text);
  for (const text of want.textHas ?? []) expect(result.text).toContain(text);
  if (want.label === 'none') expect(plan.pullRequest?.label).toBeUndefined();
  else if (want.label !== undefined) expect(plan.pullRequest?.label).toMatchObject({ name: 'privacy-review-required', want: want.label });
  if (want.comment !== 'not written') expect(plan.pullRequest?.request).toEqual(want.request);
  if (want.ledger) expect(decodeLedger(result.text)).toMatchObject(want.ledger);
  if (want.ledgerUpdates) expect(plan.ledgerUpdates.map((u) => u.run.id)).toEqual(want.ledgerUpdates);
  // The check run links to the pull request when there is no comment to link to.
  expect(result.detailsUrl).toBe(PULL_URL);
});

test('a click recorded in an older run keeps that run’s text and adds the click to its ledger', async () => {
  const { plan } = await planFor({
    review: ONE,
    commits: [OLD, HEAD_SHA],
    runs: { [OLD]: [reviewedRun(29, OLD, FP)], [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, FP)] },
    clicks: [{ checkRunId: 29, sha: OLD, actor: PRIV, at: NOW.toISOString() }],
  });
  const [update] = plan.ledgerUpdates;
  expect(update!.text.startsWith('## Approval audit trail\n\n<!-- privacy-review:ledger ')).toBe(true);
  expect(decodeLedger(update!.text)?.clicks).toEqual([{ actor: PRIV, at: NOW.toISOString(), fingerprint: FP }]);
});

test('the comment URL and a review request that went out are what the check run records', async () => {
  const { checkResult } = await import('../../../src/app/decide/plan.js');
  const { plan } = await planFor({ review: ONE, target: 11 });
  const result = checkResult(plan, { commentUrl: 'https://github.com/acme/shop/pull/7#issuecomment-3001', requested: true });
  expect(result.detailsUrl).toBe('https://github.com/acme/shop/pull/7#issuecomment-3001');
  expect(decodeLedger(result.text)?.requested).toBe(true);
});

test('a job for a commit the pull request moved past completes no other commit’s run: the newer head’s may still be waiting for its job', async () => {
  const inProgress = (id: number, sha: string, startedAt: string) =>
    checkRun(id, sha, { status: 'in_progress', conclusion: null, completed_at: null, started_at: startedAt });
  const NEWER = 'f'.repeat(40);
  const { plan } = await planFor({
    review: PASS,
    latest: pullObject({ head: NEWER }),
    commits: [HEAD_SHA, NEWER],
    runs: {
      [HEAD_SHA]: [inProgress(40, HEAD_SHA, '2024-05-01T12:25:00Z')],
      [NEWER]: [inProgress(44, NEWER, '2024-05-01T12:20:00Z')],
    },
    target: 41,
  });
  expect(plan.stale.map((s) => s.run.id)).toEqual([40]);
});

test('stale runs: the head’s get the result and link to it, an earlier commit’s fail closed; a run just started is left alone', async () => {
  const { checkResult, staleResult } = await import('../../../src/app/decide/plan.js');
  const inProgress = (id: number, sha: string, startedAt: string) =>
    checkRun(id, sha, { status: 'in_progress', conclusion: null, completed_at: null, started_at: startedAt });
  const OLDER = 'e'.repeat(40);
  const { plan } = await planFor({
    review: PASS,
    commits: [OLDER, HEAD_SHA],
    runs: {
      [HEAD_SHA]: [inProgress(42, HEAD_SHA, '2024-05-01T12:29:50Z'), inProgress(40, HEAD_SHA, '2024-05-01T12:25:00Z')],
      [OLDER]: [inProgress(39, OLDER, '2024-05-01T12:20:00Z')],
    },
    target: 41,
  });
  const published = { commentUrl: 'https://github.com/acme/shop/pull/7#issuecomment-3001', requested: false };
  const result = checkResult(plan, published);
  expect(plan.stale.map((s) => s.run.id)).toEqual([40, 39]);
  expect(staleResult(plan.stale[0]!, plan, published)).toMatchObject({
    conclusion: 'success',
    title: result.title,
    detailsUrl: published.commentUrl,
  });
  expect(staleResult(plan.stale[1]!, plan, published)).toMatchObject({
    conclusion: 'failure',
    actions: [expect.objectContaining({ identifier: 'rerun' })],
  });
});
