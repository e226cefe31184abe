import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/** Warn mode reports the same but concludes neutral, which does not block merging. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('review required in warn mode → neutral, still labelled, no label when configured off', async () => {
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue } = await loadApp({ review: async () => review });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'mode: warn\nlabels: false\nreviewers: {users: [priv]}\n',
    createId: 18,
    updates: { 18: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    requestReviewers: true,
  });
  await probot.receive({ id: 'w-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'neutral', actions: [expect.objectContaining({ identifier: 'approve' })] });
  expect(cap.checkUpdates[0]!.body.output.title).toMatch(/^Privacy review suggested \(warn mode\)/);
  expect(cap.labelsAdded).toEqual([]);
  expect(scope.pendingMocks()).toEqual([]);
});
