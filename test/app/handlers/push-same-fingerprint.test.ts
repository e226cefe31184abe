import nock from 'nock';
import { API, comment, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { BOT, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { arrange } from '../helpers/arrange.js';

/**
 * A push that does not change what is asked (same fingerprint) keeps the approval given on the
 * previous commit: the new commit's run concludes success at once.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);

test('approved on the previous commit, same fingerprint now → success', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ head: NEW, labels: ['privacy-review-required'] }),
    tarballs,
    commits: [OLD, NEW],
    comments: [comment(3001, BOT, '<!-- privacy-review:v1 -->\nold'), comment(3002, 'priv', '/privacy approve')],
    runs: { [OLD]: [reviewedRun(50, OLD, fp, { reviewedAt: '2024-05-01T12:01:00Z' })], [NEW]: [] },
    createId: 51,
    updates: { 51: 1 },
    commentUpdate: 3001,
    labelRemove: 'privacy-review-required',
  });
  await probot.receive({ id: 'p-1', name: 'pull_request', payload: pullRequestEvent('synchronize', { head: NEW }) as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'success', output: { title: 'Approved by @priv' } });
  expect(scope.pendingMocks()).toEqual([]);
});
