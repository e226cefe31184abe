import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, R } from '../helpers/github.js';
import { pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * A captured delivery replayed with fresh delivery ids (the signature does not cover the id): each
 * replay is evaluated again, but none adds an in-progress check run to the pull request until the
 * window has passed.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('replays after the review: re-evaluated, no new check run; after five minutes, one', async () => {
  let now = Date.parse('2024-05-01T12:30:00Z');
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue } = await loadApp({ review: async () => review, now: () => new Date(now) });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const first = mockRun(mockAuth(nock(API)), cap, {
    createId: 15,
    updates: { 15: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
  });
  const payload = pullRequestEvent('synchronize') as never;
  await probot.receive({ id: 'replay-0', name: 'pull_request', payload });
  await queue.idle();
  expect(cap.checkCreates).toHaveLength(1);
  expect(first.pendingMocks()).toEqual([]);

  // From here the pull request reads as closed: a job reads it, completes the run it started (if any) and stops.
  let creates = 0;
  let reads = 0;
  nock(API)
    .persist()
    .post(`${R}/check-runs`)
    .reply(() => (creates++, [201, { id: 99 }]))
    .get(`${R}/pulls/7`)
    .reply(() => (reads++, [200, pullObject({ state: 'closed' })]))
    .patch(`${R}/check-runs/99`)
    .reply(200, { id: 99 });
  for (let i = 1; i <= 3; i++) {
    now += 60_000;
    await probot.receive({ id: `replay-${i}`, name: 'pull_request', payload });
    await queue.idle();
  }
  expect(reads).toBe(3);
  expect(creates).toBe(0);

  now += 2 * 60_000; // five minutes after the first
  await probot.receive({ id: 'replay-late', name: 'pull_request', payload });
  await queue.idle();
  expect(reads).toBe(4);
  expect(creates).toBe(1);
});
