import nock from 'nock';
import { API, captured, checkRun, loadApp, mockAuth, mockRun, R } from '../helpers/github.js';
import { HEAD_SHA, pullRequestEvent } from '../helpers/payloads.js';
import { makeReview } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * GitHub refuses to complete a check run (a 5xx while publishing, and again while reporting the
 * failure): the run stays in progress, and the next event for the pull request completes it, and
 * any other run of the App on its commits left in progress, while a run just started is left to
 * its job.
 */
const CONFIG = 'reviewers: {users: [priv]}\n';
const OLDER = 'e'.repeat(40);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function inProgress(id: number, sha: string, startedAt: string) {
  return checkRun(id, sha, { status: 'in_progress', conclusion: null, completed_at: null, started_at: startedAt });
}

test('a refused check run update → the next event completes the stale run', async () => {
  const { probot, queue, logs } = await loadApp({ review: async () => makeReview([]) });
  const tar = await makeTarball({ 'README.md': 'x' });

  // First event: every update of run 40 is refused.
  const first = captured();
  const refused = mockRun(mockAuth(nock(API)), first, { config: CONFIG, createId: 40, tarballs: { base: tar, head: tar } });
  refused.patch(`${R}/check-runs/40`).times(2).reply(502, { message: 'Bad Gateway' });
  await probot.receive({ id: 's-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  expect(refused.pendingMocks()).toEqual([]);
  expect(logs.join('')).toContain('could not report the failure on the check run');

  // Next event (a re-run): GitHub lists run 40 in progress since before the grace period, a run of
  // an earlier commit too, and one started seconds ago (another job's).
  const cap = captured();
  // (The App's identity, the token and the analysis are cached since the first event.)
  const scope = mockRun(nock(API), cap, {
    config: CONFIG,
    createId: 41,
    updates: { 41: 1, 40: 1, 39: 1 },
    commits: [OLDER, HEAD_SHA],
    runs: {
      [HEAD_SHA]: [inProgress(42, HEAD_SHA, '2024-05-01T12:29:50Z'), inProgress(40, HEAD_SHA, '2024-05-01T12:25:00Z')],
      [OLDER]: [inProgress(39, OLDER, '2024-05-01T12:20:00Z')],
    },
    noAnalysis: true,
  });
  await probot.receive({ id: 's-2', name: 'pull_request', payload: pullRequestEvent('reopened') as never });
  await queue.idle();

  expect(scope.pendingMocks()).toEqual([]);
  const by = (id: number) => cap.checkUpdates.filter((u) => u.id === id).map((u) => u.body);
  const result = by(41)[0]!;
  expect(result).toMatchObject({ status: 'completed', conclusion: 'success' });
  // The head's stale run shows the same result; the earlier commit's fails closed with Re-run.
  expect(by(40)).toEqual([
    expect.objectContaining({
      status: 'completed',
      conclusion: 'success',
      output: expect.objectContaining({ title: result.output.title }),
    }),
  ]);
  expect(by(39)).toEqual([
    expect.objectContaining({ status: 'completed', conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] }),
  ]);
  expect(by(42)).toEqual([]);
}, 20_000);
