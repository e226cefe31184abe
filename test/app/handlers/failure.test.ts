import nock from 'nock';
import { API, captured, loadApp, mockAuth, R, MERGE_BASE } from '../helpers/github.js';
import { BASE_SHA, HEAD_SHA, pullObject, pullRequestEvent } from '../helpers/payloads.js';

/**
 * A review that cannot be made (here: GitHub answers 500 for a tarball) fails the check plainly,
 * with a Re-run button, and the log has the reason but nothing of the pull request.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('download error → failure with Re-run; log without payload', async () => {
  const { probot, queue, logs } = await loadApp();
  const cap = captured();
  const pull = pullObject();
  pull.title = 'Add SSN export for jane.roe.sentinel@example.com';
  const scope = mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: 14 })
    .get(`${R}/pulls/7`)
    .reply(200, pull)
    .get(`${R}/contents/.github%2Fprivacy-review.yml`)
    .reply(200, 'reviewers: {users: [priv]}\n', { 'content-type': 'text/plain' })
    .get(`${R}/compare/${BASE_SHA}...${HEAD_SHA}`)
    .query(true)
    .reply(200, { merge_base_commit: { sha: MERGE_BASE }, files: [] })
    .get(`${R}/tarball/${MERGE_BASE}`)
    .reply(500, { message: 'Server Error' })
    .get(`${R}/tarball/${HEAD_SHA}`)
    .reply(500, { message: 'Server Error' })
    .patch(`${R}/check-runs/14`, (b) => (cap.checkUpdates.push({ id: 14, body: b }), true))
    .reply(200, {});
  const event = pullRequestEvent('opened');
  event.pull_request.title = pull.title;
  await probot.receive({ id: 'f-1', name: 'pull_request', payload: event as never });
  await queue.idle();

  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({
    conclusion: 'failure',
    actions: [{ identifier: 'rerun', label: 'Re-run', description: 'Run the privacy review again' }],
  });
  expect(done.output.title).toBe('The privacy review could not run');
  expect(done.output.summary).toMatch(/^The privacy review of this commit could not be completed: GitHub API error 500/);
  expect(scope.pendingMocks()).toEqual([]);
  const all = logs.join('');
  expect(all).toContain('privacy review failed');
  expect(all).toContain('GitHub API error 500');
  expect(all).not.toContain('sentinel');
});
