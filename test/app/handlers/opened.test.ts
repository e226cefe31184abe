import nock from 'nock';
import { captured, loadApp, mockAuth, mockRun, API } from '../helpers/github.js';
import { HEAD_SHA, pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * A pull request opens with an undeclared data flow: an in-progress check at once, then
 * `action_required` with the Approve button, the checklist in one new comment, the label, and a
 * review request to the privacy reviewers.
 */
const CONFIG = 'reviewers:\n  users: [priv]\n  teams: [acme/privacy]\nmode: block\n';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('opened: in_progress, then action_required with comment, label and review request', async () => {
  const review = makeReview([reviewed(finding('f1'))]);
  const { probot, queue } = await loadApp({ review: async () => review });
  const cap = captured();
  const tar = await makeTarball({ 'README.md': 'x' });
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: CONFIG,
    createId: 11,
    updates: { 11: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
    requestReviewers: true,
  });

  await probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  expect(cap.checkCreates).toEqual([expect.objectContaining({ name: 'Privacy review', head_sha: HEAD_SHA, status: 'in_progress' })]);
  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ status: 'completed', conclusion: 'action_required', external_id: review.verdict.reviewFingerprint });
  expect(done.actions).toEqual([expect.objectContaining({ identifier: 'approve', label: 'Approve' })]);
  expect(done.output.title).toMatch(/^Privacy approval required: 1 undeclared data flow/);
  expect(done.output.annotations).toEqual([
    expect.objectContaining({ path: 'src/services/signup.ts', start_line: 5, annotation_level: 'warning' }),
  ]);
  expect(done.details_url).toBe('https://github.com/acme/shop/pull/7#issuecomment-3001');
  expect(cap.commentCreates[0]!.body).toMatch(/^<!-- privacy-review:v1 -->\n/);
  expect(cap.commentCreates[0]!.body).toContain(`/privacy approve ${review.verdict.reviewFingerprint.slice(0, 12)}`);
  expect(cap.commentCreates[0]!.body).toContain('Ticking the boxes in this comment does not approve');
  expect(cap.labelsAdded).toEqual([{ labels: ['privacy-review-required'] }]);
  expect(cap.reviewRequests).toEqual([{ reviewers: ['priv'], team_reviewers: ['privacy'] }]);
  expect(scope.pendingMocks()).toEqual([]);
});
