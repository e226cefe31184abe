import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { makeTarball } from '../helpers/tarball.js';
import { COMMITS } from '../e2e/fixture-repo.js';

/**
 * The real analyzers on a pull request that changes nothing (head tree = merge base tree): the
 * review passes, the check succeeds, and the App stays quiet (no comment, no label, no request).
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('empty diff → success, no comment', async () => {
  const { probot, queue } = await loadApp();
  const cap = captured();
  const tar = await makeTarball(COMMITS.v1.files);
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    createId: 22,
    updates: { 22: 1 },
    tarballs: { base: tar, head: tar },
  });
  await probot.receive({ id: 'e-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ conclusion: 'success', actions: [] });
  expect(done.output.title).toBe('Passed: no new personal data, flows or declaration changes');
  expect(done.output.summary).toContain('**Privacy approval:** not needed');
  expect(done.output.annotations ?? []).toEqual([]);
  expect(cap.commentCreates).toEqual([]);
  expect(scope.pendingMocks()).toEqual([]);
});
