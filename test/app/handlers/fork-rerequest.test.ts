import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, R } from '../helpers/github.js';
import { APP_ID, HEAD_SHA, example, INSTALLATION, OWNER, REPO, user } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * "Re-run all checks" on a forked pull request: GitHub's check_suite event lists no pull
 * requests for forks, so the App finds them by commit; the fork's head is downloaded from the
 * base repository (static analysis only: nothing of the fork runs).
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('check_suite.rerequested without pull requests → found by commit, reviewed', async () => {
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue } = await loadApp({ review: async () => review });
  const payload = example('check_suite', 'rerequested');
  payload.check_suite = { ...payload.check_suite, head_sha: HEAD_SHA, pull_requests: [], app: { ...payload.check_suite.app, id: APP_ID } };
  payload.repository = {
    ...payload.repository,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { ...payload.repository.owner, login: OWNER },
  };
  payload.installation = { id: INSTALLATION };
  payload.sender = user('dev');
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockAuth(nock(API))
    .get(`${R}/commits/${HEAD_SHA}/pulls`)
    .reply(200, [
      { number: 7, state: 'open', head: { sha: HEAD_SHA } },
      { number: 8, state: 'closed', head: { sha: HEAD_SHA } },
    ]);
  mockRun(scope, cap, { createId: 19, updates: { 19: 1 }, tarballs: { base: tar, head: tar }, commentCreate: true, labelAdd: true });
  await probot.receive({ id: 'fk-1', name: 'check_suite', payload: payload as never });
  await queue.idle();
  expect(cap.checkCreates).toHaveLength(1);
  expect(cap.checkUpdates[0]!.body.conclusion).toBe('action_required');
  expect(scope.pendingMocks()).toEqual([]);
});
