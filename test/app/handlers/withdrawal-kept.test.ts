import nock from 'nock';
import { decodeLedger } from '../../../src/app/approval/ledger.js';
import { API, comment, mockAuth, mockRun, review as prReview, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, commentEvent, pullObject, reviewEvent } from '../helpers/payloads.js';
import { arrange } from '../helpers/arrange.js';

/**
 * A reviewer's withdrawal holds once the App has seen it: deleting or editing the `/privacy revoke`
 * comment, or dismissing the "request changes" review, does not bring the approval back. The App
 * writes every withdrawal into its own check run's ledger, which only it can write. (A later
 * evaluation reading it from the ledger: test/app/decide/decide.test.ts.)
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const REVIEWERS = 'reviewers: {users: [priv]}\n';
const approve = comment(3002, 'priv', '/privacy approve', { created_at: '2024-05-01T12:05:00Z', updated_at: '2024-05-01T12:05:00Z' });

test.each([
  ['deleted', undefined],
  ['edited', 'never mind'],
] as const)('the revoke comment %s: the approval stays withdrawn, and the ledger keeps the withdrawal', async (action, nowSays) => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const live = nowSays === undefined ? [approve] : [approve, comment(3003, 'priv', nowSays, { updated_at: '2024-05-01T12:30:00Z' })];
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: REVIEWERS,
    pull: pullObject({ labels: ['privacy-review-required'] }),
    tarballs,
    comments: live,
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp)] },
    updates: { 21: 1 },
    commentCreate: true,
  });
  const event =
    action === 'deleted'
      ? commentEvent('deleted', '/privacy revoke', 'priv', { id: 3003 })
      : commentEvent('edited', nowSays!, 'priv', { id: 3003, from: '/privacy revoke' });
  await probot.receive({ id: `wd-${action}`, name: 'issue_comment', payload: event as never });
  await queue.idle();

  const done = cap.checkUpdates[0]!.body;
  expect(done.conclusion).toBe('action_required');
  expect(decodeLedger(done.output.text)?.withdrawals).toEqual([
    expect.objectContaining({ via: 'comment', id: 3003, actor: expect.objectContaining({ login: 'priv' }) }),
  ]);
  expect(scope.pendingMocks()).toEqual([]);
});

test('"request changes" dismissed by someone else: the earlier approval stays withdrawn', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const approved = prReview(800, 'priv', 'APPROVED', HEAD_SHA, '2024-05-01T12:05:00Z');
  // First the review is submitted: the App sees the withdrawal and records it.
  const first = mockRun(mockAuth(nock(API)), cap, {
    config: REVIEWERS,
    pull: pullObject({ labels: ['privacy-review-required'] }),
    tarballs,
    reviews: [approved, prReview(555, 'priv', 'CHANGES_REQUESTED')],
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp)] },
    updates: { 21: 1 },
    commentCreate: true,
  });
  await probot.receive({
    id: 'wd-review',
    name: 'pull_request_review',
    payload: reviewEvent('submitted', 'changes_requested', 'priv') as never,
  });
  await queue.idle();
  expect(first.pendingMocks()).toEqual([]);
  const ledger = decodeLedger(cap.checkUpdates[0]!.body.output.text)!;
  expect(ledger.withdrawals).toEqual([expect.objectContaining({ via: 'review', id: 555 })]);

  // Then a maintainer dismisses it: GitHub now lists it as DISMISSED.
  nock.cleanAll();
  // (the installation token is cached from the first delivery)
  const second = mockRun(nock(API), cap, {
    config: REVIEWERS,
    pull: pullObject({ labels: ['privacy-review-required'] }),
    noAnalysis: true,
    reviews: [approved, prReview(555, 'priv', 'DISMISSED')],
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp, { withdrawals: ledger.withdrawals as never })] },
    updates: { 21: 1 },
    commentCreate: true,
  });
  await probot.receive({
    id: 'wd-dismissed',
    name: 'pull_request_review',
    payload: { ...reviewEvent('dismissed', 'dismissed', 'maintainer'), sender: { login: 'maintainer', type: 'User' } } as never,
  });
  await queue.idle();
  expect(cap.checkUpdates[1]!.body.conclusion).toBe('action_required');
  expect(second.pendingMocks()).toEqual([]);
});
