import nock from 'nock';
import { API, captured, loadApp, mockAuth, R, MERGE_BASE } from '../helpers/github.js';
import { BASE_SHA, HEAD_SHA, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { makeTarball } from '../helpers/tarball.js';

/** A review that takes too long fails its check plainly, with a Re-run button, instead of hanging. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('timeout → failure "did not finish"', async () => {
  const { probot, queue, logs } = await loadApp({ review: () => new Promise(() => undefined), timeoutMs: 300 });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: 20 })
    .get(`${R}/pulls/7`)
    .reply(200, pullObject())
    .get(`${R}/contents/.github%2Fprivacy-review.yml`)
    .reply(200, 'mode: block\n', { 'content-type': 'text/plain' })
    .get(`${R}/compare/${BASE_SHA}...${HEAD_SHA}`)
    .query(true)
    .reply(200, { merge_base_commit: { sha: MERGE_BASE }, files: [] })
    .get(`${R}/tarball/${MERGE_BASE}`)
    .reply(200, tar)
    .get(`${R}/tarball/${HEAD_SHA}`)
    .reply(200, tar)
    .patch(`${R}/check-runs/20`, (b) => (cap.checkUpdates.push({ id: 20, body: b }), true))
    .reply(200, {});
  await probot.receive({ id: 't-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(cap.checkUpdates[0]!.body.output.summary).toContain('could not be completed: it did not finish within');
  expect(logs.join('')).toContain('"reason":"it did not finish within');
  expect(scope.pendingMocks()).toEqual([]);
});
