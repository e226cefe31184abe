import { BLOCKED, COMMITS, Env, MALLORY, REVIEWER, useEnv, waitFor } from './setup.js';

/**
 * Family 2 of the attack catalogue (catalogue.md): approval bypasses found by the adversarial test
 * of issue 12 and fixed in commit 0777a22. Each must stay blocked (`action_required`); each test
 * ends with the control that a real approval still turns the check green where that applies.
 */
let env: Env;

useEnv((e) => (env = e));

const V1 = COMMITS.v1.sha;
const T = 180_000;

test(
  'base retargeted after approval: approved against stage (README-only diff), retargeted to main (adds a Segment flow)',
  async () => {
    // `stage` already has the Segment call; the head adds only a README line to it. Against `main`, the same head adds the flow.
    const stage = await env.commit({ ...COMMITS.v1.files, 'CHANGELOG.md': 'stage\n' });
    const head = await env.commit({ ...COMMITS.v1.files, 'CHANGELOG.md': 'stage\n', 'README.md': '# Shop\n' });
    const { pr, run } = await env.open(head, { base: { ref: 'stage', sha: stage } });
    expect(run.conclusion).toBe('success'); // nothing to review against stage
    const fingerprintA = run.external_id;
    // The reviewer approves what is on show: by review and by comment.
    expect((await pr.review(REVIEWER, 'APPROVED')).run.conclusion).toBe('success');
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');

    const retargeted = await pr.retarget({ ref: 'main', sha: COMMITS.base.sha });
    expect(retargeted.external_id).not.toBe(fingerprintA);
    expect(retargeted.conclusion).toBe(BLOCKED);
    expect(retargeted.output.title).not.toMatch(/Approved/);
    await waitFor('the checklist', () => pr.sticky()?.includes('Segment (`segment`)'));
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
    // Control: approving the new comparison counts.
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
  },
  T,
);

test(
  'a reviewer revokes with /privacy revoke, then a third party deletes the revoke comment',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
    const { run: revoked, comment: revoke } = await pr.comment(REVIEWER, '/privacy revoke');
    expect(revoked.conclusion).toBe(BLOCKED);
    expect((await pr.deleteComment(MALLORY, revoke)).conclusion).toBe(BLOCKED);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
    // Control: the reviewer approving again counts.
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
  },
  T,
);

test(
  'a reviewer revokes with /privacy revoke, then a third party edits the revoke comment',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
    const { run: revoked, comment: revoke } = await pr.comment(REVIEWER, '/privacy revoke');
    expect(revoked.conclusion).toBe(BLOCKED);
    expect((await pr.editComment(MALLORY, revoke, 'Never mind.')).conclusion).toBe(BLOCKED);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a revoke comment deleted at once, before the App has read the comments',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
    const revoke = env.fake.addComment(REVIEWER, '/privacy revoke', pr.number);
    const created = pr.commentEvent('created', revoke, revoke.user);
    env.fake.deleteComment(revoke.id, pr.number); // gone from the list before the App's job reads it
    const before = env.completions(pr.head);
    expect(await env.send('issue_comment', created)).toBe(200);
    expect(await env.send('issue_comment', pr.commentEvent('deleted', revoke, { login: MALLORY, id: 2, type: 'User' }))).toBe(200);
    await env.evaluated(pr.head, before, 'the evaluation of the revoke');
    await waitFor('the jobs of both events to end', () => env.jobsEnded(pr.number));
    expect(pr.run()!.conclusion).toBe(BLOCKED);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a reviewer approves, then requests changes, then a third party dismisses the request-changes review',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.review(REVIEWER, 'APPROVED')).run.conclusion).toBe('success');
    const { run: changes, review } = await pr.review(REVIEWER, 'CHANGES_REQUESTED');
    expect(changes.conclusion).toBe(BLOCKED);
    expect((await pr.dismiss(MALLORY, review)).conclusion).toBe(BLOCKED);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
    // Control: a new approving review counts.
    expect((await pr.review(REVIEWER, 'APPROVED')).run.conclusion).toBe('success');
  },
  T,
);
