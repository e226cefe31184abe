import nock from 'nock';
import { API, comment, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, commentEvent } from '../helpers/payloads.js';
import { arrange } from '../helpers/arrange.js';

/** The author’s own `/privacy approve` is refused, and the comment says why. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('author /privacy approve → still action_required, refusal shown', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv, dev]}\n',
    tarballs,
    comments: [comment(3002, 'dev', '/privacy approve')],
    runs: { [HEAD_SHA]: [reviewedRun(21, HEAD_SHA, fp)] },
    updates: { 21: 1 },
    commentCreate: true,
    labelAdd: true,
  });

  await probot.receive({ id: 'c-2', name: 'issue_comment', payload: commentEvent('created', '/privacy approve', 'dev', { id: 3002 }) as never });
  await queue.idle();

  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'action_required' });
  expect(cap.checkUpdates[0]!.body.output.text).toContain('| `@dev` | refused: the author of a pull request cannot approve it |');
  expect(cap.commentCreates[0]!.body).toContain('**Did not count**');
  expect(cap.commentCreates[0]!.body).toContain('`@dev`, `/privacy approve` ([link](https://github.com/acme/shop/pull/7#issuecomment-3002)) (2024-05-01 12:10 UTC): the author of a pull request cannot approve it.');
  expect(scope.pendingMocks()).toEqual([]);
});
