import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/** A redelivered webhook (same X-GitHub-Delivery) does no harm: one check run, one review. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('the same delivery twice → one check run, one analysis', async () => {
  let reviews = 0;
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue, logs } = await loadApp({ review: async () => (reviews++, review) });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    createId: 15,
    updates: { 15: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
  });
  const payload = pullRequestEvent('opened') as never;
  await probot.receive({ id: 'same-id', name: 'pull_request', payload });
  await probot.receive({ id: 'same-id', name: 'pull_request', payload });
  await queue.idle();
  expect(reviews).toBe(1);
  expect(cap.checkCreates).toHaveLength(1);
  expect(logs.join('')).toContain('redelivered webhook dropped');
  expect(scope.pendingMocks()).toEqual([]);
});

test('a second delivery for the same head while it is queued: merged, no second check run', async () => {
  let reviews = 0;
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue, logs } = await loadApp({ review: async () => (reviews++, review), concurrency: 1 });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    createId: 16,
    updates: { 16: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
  });
  await Promise.all([
    probot.receive({ id: 'd-a', name: 'pull_request', payload: pullRequestEvent('opened') as never }),
    probot.receive({ id: 'd-b', name: 'pull_request', payload: pullRequestEvent('reopened') as never }),
  ]);
  await queue.idle();
  expect(reviews).toBe(1);
  expect(cap.checkCreates).toHaveLength(1);
  expect(logs.join('')).not.toContain('could not create the check run');
  expect(scope.pendingMocks()).toEqual([]);
});
