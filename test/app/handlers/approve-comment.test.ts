import nock from 'nock';
import { API, comment, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { BOT, HEAD_SHA, commentEvent, pullObject } from '../helpers/payloads.js';
import { arrange } from '../helpers/arrange.js';

/**
 * A listed reviewer comments `/privacy approve` after the review was published: the head's run
 * is rewritten to `success` (no second set of annotations), the sticky comment updated, the
 * label removed, and the audit trail records who approved which fingerprint.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('reviewer /privacy approve → success', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    pull: pullObject({ labels: ['privacy-review-required'] }),
    tarballs,
    comments: [comment(3001, BOT, '<!-- privacy-review:v1 -->\nold body'), comment(3002, 'priv', '/privacy approve')],
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp, { annotations: 1 })] },
    updates: { 21: 1 },
    commentUpdate: 3001,
    labelRemove: 'privacy-review-required',
  });

  await probot.receive({
    id: 'c-1',
    name: 'issue_comment',
    payload: commentEvent('created', '/privacy approve', 'priv', { id: 3002 }) as never,
  });
  await queue.idle();

  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ conclusion: 'success', external_id: fp, actions: [] });
  expect(done.output.title).toBe('Approved by @priv');
  expect(done.output.annotations).toBeUndefined();
  expect(done.output.text).toMatch(
    new RegExp(`\\| 2024-05-01 12:10 UTC \\| \`@priv\` \\| approved \\| \`${fp.slice(0, 12)}\` \\| \`/privacy approve\``),
  );
  expect(cap.commentUpdates[0]!.body.body).toContain(`✅ approved for review fingerprint \`${fp.slice(0, 12)}\` by \`@priv\``);
  expect(cap.checkCreates).toEqual([]);
  expect(scope.pendingMocks()).toEqual([]);
});
