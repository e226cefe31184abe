import Bottleneck from 'bottleneck';
import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, R, MERGE_BASE } from '../helpers/github.js';
import { BASE_SHA, HEAD_SHA, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { makeReview } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * Rate limits as GitHub sends them, with Octokit's throttling on (as in production): a limit that
 * clears soon is sat out and the review completes; one that does not (the installation's quota,
 * used up for an hour) fails the check at once with the reset time and a Re-run button, never
 * waiting past the review's timeout nor leaving the check in progress.
 */
const CONFIG = 'reviewers: {users: [priv]}\n';

// Throttling on (the App's handlers), without its one-second spacing of writes (tests would crawl).
const THROTTLE = {
  throttle: {
    enabled: true,
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function primaryLimit(resetInS: number) {
  const reset = Math.floor(Date.now() / 1000) + resetInS;
  const headers = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) };
  return { reset: new Date(reset * 1000).toISOString().slice(11, 16), headers };
}

/** Up to the tarballs; the head's answers `status` with `headers` (once), then the check run is completed. */
async function mockUntilTarball(cap: ReturnType<typeof captured>, status: number, headers: Record<string, string>, body: object) {
  const tar = await makeTarball({ 'README.md': 'x' });
  return mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: 31 })
    .get(`${R}/pulls/7`)
    .reply(200, pullObject())
    .get(`${R}/contents/.github%2Fprivacy-review.yml`)
    .reply(200, CONFIG, { 'content-type': 'text/plain' })
    .get(`${R}/compare/${BASE_SHA}...${HEAD_SHA}`)
    .query(true)
    .reply(200, { merge_base_commit: { sha: MERGE_BASE }, files: [] })
    .get(`${R}/tarball/${MERGE_BASE}`)
    .optionally()
    .reply(200, tar)
    .get(`${R}/tarball/${HEAD_SHA}`)
    .reply(status, body, headers)
    .patch(`${R}/check-runs/31`, (b) => (cap.checkUpdates.push({ id: 31, body: b }), true))
    .reply(200, {});
}

test('primary rate limit on the tarball → the check fails at once naming the reset time, Re-run, queue free', async () => {
  const { probot, queue, logs } = await loadApp({ review: async () => makeReview([]), timeoutMs: 60_000 }, THROTTLE);
  const cap = captured();
  const { reset, headers } = primaryLimit(3600);
  const scope = await mockUntilTarball(cap, 403, headers, { message: 'API rate limit exceeded for installation ID 4242.' });

  const t0 = Date.now();
  await probot.receive({ id: 'rl-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(cap.checkUpdates).toHaveLength(1);
  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ status: 'completed', conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(done.output.title).toBe(`The privacy review could not run: rate limited until ${reset} UTC`);
  expect(done.output.summary).toContain(
    `could not be completed: GitHub's API rate limit for this installation is used up until ${reset} UTC.`,
  );
  expect(scope.pendingMocks()).toEqual([]);
  expect(logs.join('')).toContain('"retry":false');
  // The slot is free: the next event is taken at once.
  expect(queue.peek('acme/shop#7')).toEqual({});
}, 20_000);

test('a limit that clears within the bound but after the timeout is not waited for', async () => {
  const { probot, queue } = await loadApp({ review: async () => makeReview([]), timeoutMs: 20_000 }, THROTTLE);
  const cap = captured();
  const { reset, headers } = primaryLimit(50);
  await mockUntilTarball(cap, 429, headers, { message: 'API rate limit exceeded' });

  const t0 = Date.now();
  await probot.receive({ id: 'rl-2', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(cap.checkUpdates[0]!.body).toMatchObject({
    conclusion: 'failure',
    output: { title: `The privacy review could not run: rate limited until ${reset} UTC` },
  });
}, 30_000);

test('a secondary rate limit once (tarball, then the check run update) → retried, the review completes', async () => {
  const { probot, queue } = await loadApp({ review: async () => makeReview([]), timeoutMs: 60_000 }, THROTTLE);
  const cap = captured();
  const tar = await makeTarball({ 'README.md': 'x' });
  // GitHub's own answer (the throttling plugin knows it by its message) on a read...
  const scope = mockAuth(nock(API))
    .get(`${R}/tarball/${HEAD_SHA}`)
    .reply(
      403,
      { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      { 'retry-after': '1' },
    );
  // ...and a bare retry-after on a write.
  scope.patch(`${R}/check-runs/32`).reply(403, { message: 'Forbidden' }, { 'retry-after': '1' });
  mockRun(scope, cap, { config: CONFIG, createId: 32, updates: { 32: 1 }, tarballs: { base: tar, head: tar } });

  await probot.receive({ id: 'rl-3', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  expect(cap.checkUpdates).toHaveLength(1);
  expect(cap.checkUpdates[0]!.body).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(scope.pendingMocks()).toEqual([]);
}, 20_000);
