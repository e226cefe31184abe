import nock from 'nock';
import { API, mockAuth, mockRun, review as prReview, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, pullObject, reviewEvent } from '../helpers/payloads.js';
import { arrange } from '../helpers/arrange.js';

/** An approving review counts for its commit's fingerprint; once dismissed, it does not. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test.each([
  ['submitted', 'APPROVED', 'success'],
  ['dismissed', 'DISMISSED', 'action_required'],
] as const)('review %s → %s', async (action, state, conclusion) => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ labels: conclusion === 'success' ? ['privacy-review-required'] : [] }),
    tarballs,
    reviews: [prReview(801, 'priv', state)],
    runs: { [HEAD_SHA]: [reviewedRun(70, HEAD_SHA, fp)] },
    updates: { 70: 1 },
    commentCreate: true,
    ...(conclusion === 'success' ? { labelRemove: 'privacy-review-required' } : { labelAdd: true }),
  });
  await probot.receive({ id: `rv-${action}`, name: 'pull_request_review', payload: reviewEvent(action, state.toLowerCase(), 'priv') as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body.conclusion).toBe(conclusion);
  expect(scope.pendingMocks()).toEqual([]);
});
