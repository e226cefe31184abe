import nock from 'nock';
import { API, captured, comment, loadApp, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, commentEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * One comment: a person’s comment that contains the marker is never edited (the App posts its
 * own), and the App’s comment is not rewritten when its body would not change.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const review = makeReview([reviewed(finding('f1'))]);
const fp = review.verdict.reviewFingerprint;

async function evaluate(comments: Record<string, unknown>[], expectCreate: boolean) {
  const { probot, queue } = await loadApp({ review: async () => review });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    tarballs: { base: tar, head: tar },
    comments,
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp)] },
    updates: { 21: 1 },
    commentCreate: expectCreate,
    labelAdd: true,
  });
  await probot.receive({
    id: `s-${Math.random()}`,
    name: 'issue_comment',
    payload: commentEvent('created', '/privacy revoke', 'priv', { id: 3009 }) as never,
  });
  await queue.idle();
  expect(scope.pendingMocks()).toEqual([]);
  return cap;
}

test('a person’s comment quoting the marker is left alone; the App posts its own', async () => {
  const cap = await evaluate(
    [comment(3005, 'mallory', '<!-- privacy-review:v1 -->\nfake approval'), comment(3009, 'priv', '/privacy revoke')],
    true,
  );
  expect(cap.commentCreates).toHaveLength(1);
  expect(cap.commentUpdates).toEqual([]);
});

test('the same body is not written again', async () => {
  const first = await evaluate([comment(3009, 'priv', '/privacy revoke')], true);
  const body = first.commentCreates[0]!.body as string;
  nock.cleanAll();
  const second = await evaluate([comment(3001, 'privacy-review[bot]', body), comment(3009, 'priv', '/privacy revoke')], false);
  expect(second.commentCreates).toEqual([]);
  expect(second.commentUpdates).toEqual([]);
  expect(second.checkUpdates[0]!.body.details_url).toBe('https://github.com/acme/shop/pull/7#issuecomment-3001');
});
