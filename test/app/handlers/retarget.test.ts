import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, review as prReview, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, checkRunEvent, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * The author retargets an approved pull request to another base: the same head commit now brings
 * a flow it did not bring against the old base (another fingerprint). The approval was given for
 * the old comparison and stays with it: the check asks again.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const againstStage = makeReview([]);
const againstMain = makeReview([reviewed(finding('f1', { sink: { kind: 'third_party', id: 'segment' } }))]);
const A = againstStage.verdict.reviewFingerprint;

async function retarget(reviews: object[], clicks: object[] = []) {
  const { probot, queue } = await loadApp({ review: async () => againstMain });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ labels: [] }),
    tarballs: { base: tar, head: tar },
    reviews,
    runs: { [HEAD_SHA]: [reviewedRun(60, HEAD_SHA, A, { conclusion: 'success', reviewedAt: '2024-05-01T12:01:00Z', clicks })] },
    createId: 61,
    updates: { 61: 1 },
    commentCreate: true,
    labelAdd: true,
  });
  await probot.receive({ id: 'rt-1', name: 'pull_request', payload: pullRequestEvent('edited') as never });
  await queue.idle();
  return { cap, scope };
}

test('an approving review of the head commit, given against the old base, does not approve the new comparison', async () => {
  const { cap, scope } = await retarget([prReview(801, 'priv', 'APPROVED', HEAD_SHA, '2024-05-01T12:20:00Z')]);
  const done = cap.checkUpdates[0]!.body;
  expect(done.external_id).not.toBe(A);
  expect(done.conclusion).toBe('action_required');
  expect(done.output.title).not.toMatch(/Approved/);
  expect(scope.pendingMocks()).toEqual([]);
});

test('a click on the old run’s Approve button does not approve the new comparison either', async () => {
  const { cap, scope } = await retarget([], [{ actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:20:00Z', fingerprint: A }]);
  expect(cap.checkUpdates[0]!.body.conclusion).toBe('action_required');
  expect(scope.pendingMocks()).toEqual([]);
});

test('a click records the fingerprint the run showed when clicked (the webhook’s), not what the run shows later', async () => {
  const { probot, queue } = await loadApp({ review: async () => againstMain });
  const cap = captured();
  const B = againstMain.verdict.reviewFingerprint;
  // The run was rewritten to B after the click; the click was on A.
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ labels: ['privacy-review-required'] }),
    tarballs: { base: await makeTarball({ 'a.ts': '' }), head: await makeTarball({ 'a.ts': '' }) },
    runs: { [HEAD_SHA]: [reviewedRun(60, HEAD_SHA, B)] },
    updates: { 60: 1 },
    commentCreate: true,
  });
  const payload = checkRunEvent('requested_action', { runId: 60, sender: 'priv' }) as { check_run: Record<string, unknown> };
  payload.check_run.external_id = A;
  await probot.receive({ id: 'rt-click', name: 'check_run', payload: payload as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body.conclusion).toBe('action_required');
  expect(scope.pendingMocks()).toEqual([]);
});
