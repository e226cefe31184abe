import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * 120 annotations: three update requests of at most 50, the conclusion only with the last one
 * (a completed run has all of them), and every annotation sent exactly once.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('annotations in batches of 50', async () => {
  const findings = Array.from({ length: 120 }, (_, i) => reviewed(finding(`f${i}`, { line: i + 1, endLine: i + 1 })));
  const review = makeReview(findings);
  const { probot, queue } = await loadApp({ review: async () => review });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    createId: 17,
    updates: { 17: 3 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
  });
  await probot.receive({ id: 'a-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  const sizes = cap.checkUpdates.map((u) => u.body.output.annotations?.length ?? 0);
  expect(sizes).toEqual([50, 50, 20]);
  expect(cap.checkUpdates.map((u) => u.body.conclusion)).toEqual([undefined, undefined, 'action_required']);
  const lines = cap.checkUpdates.flatMap((u) => u.body.output.annotations.map((a: { start_line: number }) => a.start_line));
  expect(new Set(lines).size).toBe(120);
  expect(cap.checkUpdates.every((u) => u.body.output.title && u.body.output.summary)).toBe(true);
  expect(scope.pendingMocks()).toEqual([]);
});
