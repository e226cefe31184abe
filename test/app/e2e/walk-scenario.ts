import { waitFor } from './app-process.js';
import { BOT_LOGIN, person, type FakeGitHub } from './fake-github.js';
import { COMMITS } from './fixture-repo.js';

/**
 * The walk, against whatever serves the App (one process, or web and worker processes on one
 * Redis): a pull request with an undeclared flow asks for approval; the author cannot approve; a
 * reviewer can; a push that leaves the fingerprint alone keeps the approval; a push that adds a
 * flow asks again. `send` delivers a correctly signed webhook, `forged` one signed with `secret`.
 */
export interface WalkContext {
  fake: FakeGitHub;
  send(event: string, payload: object): Promise<number>;
  forged(secret: string, event: string, payload: object, id: string): Promise<number>;
  output(): string;
}

export const SENTINEL = 'sentinel-title-jane-roe';

export async function walk(ctx: WalkContext): Promise<void> {
  const { fake, send } = ctx;
  const base = () => ({ repository: fake.repository(), installation: { id: 99 }, organization: person('acme') });
  const prEvent = (action: string) => ({
    action,
    number: 7,
    pull_request: { ...fake.pull(), title: `Send sign-ups to Segment ${SENTINEL}` },
    sender: person('dev'),
    ...base(),
  });
  const commentEvent = (c: { id: number; body: string; user: object; created_at: string; updated_at: string }) => ({
    action: 'created',
    issue: { number: 7, state: 'open', title: SENTINEL, user: person('dev'), pull_request: { url: 'x' } },
    comment: c,
    sender: c.user,
    ...base(),
  });
  const sticky = () => fake.comments.find((c) => c.user.login === BOT_LOGIN);
  const settled = (sha: string) => {
    const run = fake.latestRun(sha);
    return run?.status === 'completed' ? run : undefined;
  };
  // 1. Opened with an undeclared flow to Segment: action_required, the checklist, the label, one review request.
  fake.push(COMMITS.v1.sha);
  expect(await send('pull_request', prEvent('opened'))).toBe(200);
  const first = await waitFor('the first review', () => settled(COMMITS.v1.sha));
  expect(first.conclusion).toBe('action_required');
  expect(first.actions).toEqual([expect.objectContaining({ identifier: 'approve' })]);
  expect(first.output.annotations_count).toBeGreaterThan(0);
  const fp1 = first.external_id;
  expect(fp1).toMatch(/^[0-9a-f]{64}$/);
  expect(sticky()?.body).toContain('## Privacy review: Review required');
  expect(sticky()?.body).toContain('Segment (`segment`)');
  expect(sticky()?.body).toContain('No data-flow manifest yet'); // the starter manifest from `manifest init`
  expect(fake.labels).toEqual(['privacy-review-required']);
  expect(fake.requestedReviewers).toEqual(['priv']);

  // A delivery signed with another secret is rejected and changes nothing.
  const runs = fake.checkRuns.length;
  expect(await ctx.forged('not-the-secret', 'pull_request', prEvent('synchronize'), 'e2e-forged')).toBe(400);
  expect(fake.checkRuns.length).toBe(runs);

  // 2. The author approves their own pull request: refused, and the comment says so.
  const own = fake.addComment('dev', '/privacy approve');
  expect(await send('issue_comment', commentEvent(own))).toBe(200);
  await waitFor('the refusal', () => sticky()?.body.includes('the author of a pull request cannot approve it'));
  expect(settled(COMMITS.v1.sha)?.conclusion).toBe('action_required');

  // 3. The privacy reviewer approves: success, the label goes.
  const ok = fake.addComment('priv', '/privacy approve');
  expect(await send('issue_comment', commentEvent(ok))).toBe(200);
  const approved = await waitFor(
    'the approval',
    () => fake.latestRun(COMMITS.v1.sha)?.conclusion === 'success' && fake.latestRun(COMMITS.v1.sha),
  );
  expect(approved.output.title).toBe('Approved by @priv');
  expect(approved.output.text).toMatch(new RegExp(`\\| \`@priv\` \\| approved \\| \`${fp1.slice(0, 12)}\``));
  await waitFor('the label to go', () => !fake.labels.length);

  // 4. A push that changes nothing a reviewer is asked about: same fingerprint, still approved.
  fake.push(COMMITS.v2.sha);
  expect(await send('pull_request', { ...prEvent('synchronize'), before: COMMITS.v1.sha, after: COMMITS.v2.sha })).toBe(200);
  const second = await waitFor('the second review', () => settled(COMMITS.v2.sha));
  expect(second.external_id).toBe(fp1);
  expect(second.conclusion).toBe('success');

  // 5. A push that adds a flow to Mailchimp: a new fingerprint, approval required again, and why.
  fake.push(COMMITS.v3.sha);
  expect(await send('pull_request', { ...prEvent('synchronize'), before: COMMITS.v2.sha, after: COMMITS.v3.sha })).toBe(200);
  const third = await waitFor('the third review', () => settled(COMMITS.v3.sha));
  expect(third.external_id).not.toBe(fp1);
  expect(third.conclusion).toBe('action_required');
  await waitFor('the comment to say what changed', () => sticky()?.body.includes('**Approvals that no longer apply**'));
  expect(sticky()?.body).toMatch(
    /`@priv` approved fingerprint `[0-9a-f]{12}` \([^)]*\): 1 new finding to review: data-flow in `src\/services\/newsletter\.ts:\d+` \(`mailchimp`\)/,
  );
  expect(fake.labels).toEqual(['privacy-review-required']);

  // Over the whole walk: one sticky comment, reviewers asked once, every request valid, no payload in the logs.
  expect(fake.comments.filter((c) => c.user.login === BOT_LOGIN)).toHaveLength(1);
  expect(fake.reviewRequests).toBe(1);
  expect(fake.violations).toEqual([]);
  expect(ctx.output()).toContain('privacy review published');
  expect(ctx.output()).toMatch(/signature does not match/);
  expect(ctx.output()).not.toContain(SENTINEL);
}
