import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, checkRunEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/** "Re-run" (a button of a failed run, or GitHub's re-run) starts a new run and analyzes again. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test.each([
  ['the Re-run button', 'requested_action', 'rerun'],
  ['GitHub’s re-run', 'rerequested', undefined],
] as const)('%s → new in-progress run, fresh analysis with annotations', async (_name, action, identifier) => {
  let reviews = 0;
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue } = await loadApp({ review: async () => (reviews++, review) });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    tarballs: { base: tar, head: tar },
    runs: { [HEAD_SHA]: [reviewedRun(40, HEAD_SHA, 'e'.repeat(64), { conclusion: 'failure' })] },
    createId: 41,
    updates: { 41: 1 },
    commentCreate: true,
    labelAdd: true,
  });
  await probot.receive({
    id: `r-${action}`,
    name: 'check_run',
    payload: checkRunEvent(action, { runId: 40, ...(identifier ? { identifier } : {}) }) as never,
  });
  await queue.idle();
  expect(reviews).toBe(1);
  expect(cap.checkCreates).toEqual([expect.objectContaining({ head_sha: HEAD_SHA, status: 'in_progress' })]);
  expect(cap.checkUpdates[0]!.body.output.annotations).toHaveLength(1);
  expect(scope.pendingMocks()).toEqual([]);
});
