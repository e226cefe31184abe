import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullObject, pullRequestEvent } from '../helpers/payloads.js';

/** Drafts are not reviewed (by default): a neutral check that says when the review will run. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('draft → neutral, no download, no comment', async () => {
  const { probot, queue } = await loadApp({ review: async () => Promise.reject(new Error('must not run')) });
  const cap = captured();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    pull: pullObject({ draft: true }),
    createId: 13,
    updates: { 13: 1 },
    stopAfterConfig: true,
  });
  await probot.receive({ id: 'dr-1', name: 'pull_request', payload: pullRequestEvent('opened', { draft: true }) as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'neutral', output: { title: 'Draft pull request: not reviewed yet' } });
  expect(scope.pendingMocks()).toEqual([]);
});
