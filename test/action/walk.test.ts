import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BOT_LOGIN, FakeGitHub } from '../app/e2e/fake-github.js';
import { commentEvent, pullRequestEvent, reviewEvent } from '../app/helpers/payloads.js';
import { checkout, makeClone, runActionProcess, type Clone } from './fixture.js';

/**
 * The action end to end: its entry point in its own process with a runner's environment (real
 * webhook payloads from @octokit/webhooks-examples in GITHUB_EVENT_PATH, GITHUB_TOKEN,
 * GITHUB_API_URL pointing at the fake GitHub on loopback, which checks every request against
 * GitHub's OpenAPI description), over a real clone of the fixture repository. The walk is the
 * App's: open with an undeclared flow, the author cannot approve, a reviewer can, a push that
 * keeps the fingerprint keeps the approval, a push that adds a flow asks again.
 */
const SENTINEL = 'sentinel-title-jane-roe';

let clone: Clone;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeAll(async () => {
  clone = makeClone();
  fake = new FakeGitHub('acme', 'shop', clone.sha.base, 'dev');
  fake.config = 'reviewers:\n  users: [priv]\n';
  const port = await fake.start();
  env = {
    GITHUB_TOKEN: 'ghs_workflow_token',
    GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3`,
    GITHUB_WORKSPACE: clone.dir,
    GITHUB_REPOSITORY: 'acme/shop',
    INPUT_SARIF: 'privacy-review.sarif',
  };
});

afterAll(async () => {
  await fake?.stop();
  if (clone) rmSync(clone.dir, { recursive: true, force: true });
});

const sticky = () => fake.comments.find((c) => c.user.login === BOT_LOGIN);
const latest = (sha: string) => fake.latestRun(sha);
const opened = (head: string, action = 'opened') => ({
  ...pullRequestEvent(action, { head }),
  pull_request: { ...pullRequestEvent(action, { head }).pull_request, title: SENTINEL },
});

test('open, refuse the author, approve, push the same, push a new flow', async () => {
  // 1. Opened with an undeclared flow to Segment: the job fails, the check waits for an approval.
  fake.push(clone.sha.v1);
  checkout(clone, clone.sha.v1);
  const open = await runActionProcess('pull_request', opened(clone.sha.v1), env);
  expect(open.code).toBe(1);
  const first = latest(clone.sha.v1)!;
  expect(first.status).toBe('completed');
  expect(first.conclusion).toBe('action_required');
  expect(first.actions).toEqual([]); // no buttons: a workflow cannot receive their clicks
  expect(first.output.annotations_count).toBeGreaterThan(0);
  const fp1 = first.external_id;
  expect(fp1).toMatch(/^[0-9a-f]{64}$/);
  expect(open.outputs).toMatchObject({
    verdict: 'review_required',
    conclusion: 'action_required',
    approved: 'false',
    fingerprint: fp1,
    'new-findings': expect.stringMatching(/^[1-9]/),
  });
  expect(sticky()?.body).toContain('## Privacy review: Review required');
  expect(sticky()?.body).toContain('Segment (`segment`)');
  expect(open.summary).toContain('Segment (`segment`)');
  expect(fake.labels).toEqual(['privacy-review-required']);
  expect(fake.requestedReviewers).toEqual(['priv']);
  const sarifFile = path.join(clone.dir, 'privacy-review.sarif');
  expect(existsSync(sarifFile)).toBe(true);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  rmSync(sarifFile);

  // 2. The author approves their own pull request (an issue_comment workflow checks out the default branch).
  checkout(clone, clone.sha.base);
  const own = fake.addComment('dev', '/privacy approve');
  const refused = await runActionProcess('issue_comment', commentEvent('created', '/privacy approve', 'dev', { id: own.id }), env);
  expect(refused.code).toBe(1);
  expect(sticky()?.body).toContain('the author of a pull request cannot approve it');
  expect(latest(clone.sha.v1)?.conclusion).toBe('action_required');

  // 3. The privacy reviewer approves with a review: the job passes, the check succeeds, the label goes.
  fake.addReview('priv', 'APPROVED');
  const approved = await runActionProcess('pull_request_review', reviewEvent('submitted', 'approved', 'priv', clone.sha.v1), env);
  expect(approved.code).toBe(0);
  expect(latest(clone.sha.v1)).toMatchObject({ conclusion: 'success', output: expect.objectContaining({ title: 'Approved by @priv' }) });
  expect(approved.outputs).toMatchObject({ approved: 'true', conclusion: 'success', fingerprint: fp1 });
  expect(fake.labels).toEqual([]);

  // 4. A push that changes nothing a reviewer is asked about: same fingerprint, still approved.
  fake.push(clone.sha.v2);
  checkout(clone, clone.sha.v2);
  const same = await runActionProcess(
    'pull_request',
    { ...opened(clone.sha.v2, 'synchronize'), before: clone.sha.v1, after: clone.sha.v2 },
    env,
  );
  expect(same.code).toBe(0);
  expect(latest(clone.sha.v2)).toMatchObject({ conclusion: 'success', external_id: fp1 });

  // 5. A push that adds a flow to Mailchimp: a new fingerprint, an approval again, and why.
  fake.push(clone.sha.v3);
  checkout(clone, clone.sha.v3);
  const flow = await runActionProcess(
    'pull_request',
    { ...opened(clone.sha.v3, 'synchronize'), before: clone.sha.v2, after: clone.sha.v3 },
    env,
  );
  expect(flow.code).toBe(1);
  const third = latest(clone.sha.v3)!;
  expect(third.external_id).not.toBe(fp1);
  expect(third.conclusion).toBe('action_required');
  expect(sticky()?.body).toContain('**Approvals that no longer apply**');
  expect(sticky()?.body).toMatch(/1 new finding to review: data-flow in `src\/services\/newsletter\.ts:\d+` \(`mailchimp`\)/);
  expect(fake.labels).toEqual(['privacy-review-required']);

  // Over the walk: one sticky comment, reviewers asked once, every request valid, no payload in the logs.
  expect(fake.comments.filter((c) => c.user.login === BOT_LOGIN)).toHaveLength(1);
  expect(fake.reviewRequests).toBe(1);
  expect(fake.violations).toEqual([]);
  for (const run of [open, refused, approved, same, flow]) expect(run.output).not.toContain(SENTINEL);
}, 300_000);
