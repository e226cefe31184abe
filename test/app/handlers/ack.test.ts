import nock from 'nock';
import { captured, loadApp, mockAuth, mockRun, API, R } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * Probot answers a delivery when the handlers return: the handler must not wait for GitHub. A slow
 * check-run creation does not hold the webhook; the job waits for it and completes that run.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('the webhook returns before the in-progress check run exists; the job completes that run', async () => {
  const { probot, queue } = await loadApp({ review: async () => makeReview([reviewed(finding('f1'))]) });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const slow = mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .delay(1500)
    .reply(201, { id: 51 });
  const scope = mockRun(slow, cap, { updates: { 51: 1 }, tarballs: { base: tar, head: tar }, commentCreate: true, labelAdd: true });
  const started = Date.now();
  await probot.receive({ id: 'a-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(cap.checkUpdates).toHaveLength(0);
  await queue.idle();
  expect(cap.checkCreates).toHaveLength(1);
  expect(cap.checkUpdates).toEqual([expect.objectContaining({ id: 51, body: expect.objectContaining({ conclusion: 'action_required' }) })]);
  expect(scope.pendingMocks()).toEqual([]);
});
