import nock from 'nock';
import { API, captured, comment, loadApp, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { BOT, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';
import { askedId } from '../../../src/app/approval/ledger.js';

/**
 * A push that adds a flow changes the fingerprint: the earlier approval no longer applies, the
 * check asks again, the comment says what changed, and reviewers are not asked a second time.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);

test('approved fingerprint lapses; the comment names the new finding', async () => {
  const first = finding('f1');
  const before = makeReview([reviewed(first)]);
  const now = makeReview([reviewed(first), reviewed(finding('f2', { file: 'src/ai.ts', line: 12, sink: { kind: 'third_party', id: 'openai' } }))]);
  const { probot, queue } = await loadApp({ review: async () => now });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ head: NEW }),
    tarballs: { base: tar, head: tar },
    commits: [OLD, NEW],
    comments: [comment(3001, BOT, '<!-- privacy-review:v1 -->\nold'), comment(3002, 'priv', '/privacy approve')],
    runs: { [OLD]: [reviewedRun(60, OLD, before.verdict.reviewFingerprint, { asked: [askedId(first.id)], requested: true, conclusion: 'success' })], [NEW]: [] },
    createId: 61,
    updates: { 61: 1 },
    commentUpdate: 3001,
    labelAdd: true,
  });
  await probot.receive({ id: 'n-1', name: 'pull_request', payload: pullRequestEvent('synchronize', { head: NEW }) as never });
  await queue.idle();

  expect(cap.checkUpdates[0]!.body.conclusion).toBe('action_required');
  const body = cap.commentUpdates[0]!.body.body as string;
  expect(body).toContain('**Approvals that no longer apply**');
  expect(body).toContain(`- \`@priv\` approved fingerprint \`${before.verdict.reviewFingerprint.slice(0, 12)}\` (2024-05-01 12:10 UTC): 1 new finding to review: data-flow in \`src/ai.ts:12\` (\`openai\`).`);
  expect(cap.reviewRequests).toEqual([]); // asked once already (recorded in the earlier run)
  expect(scope.pendingMocks()).toEqual([]);
});
