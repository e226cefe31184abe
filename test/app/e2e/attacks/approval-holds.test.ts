import { encodeLedger } from '../../../../src/app/approval/ledger.js';
import { AUTHOR, BLOCKED, COMMITS, Env, MALLORY, REVIEWER, useEnv, waitFor } from './setup.js';

/**
 * Family 1 of the attack catalogue (catalogue.md): approval attacks that hold, kept holding. Every
 * pull request here adds an undeclared flow to Segment (commit v1 of the fixture repository), so
 * its check is `action_required` until a privacy reviewer (@priv, from the default branch's
 * configuration) approves the fingerprint on show. The first test is the control: a real approval
 * turns the check green, so the others' `action_required` means the attack was refused, not that
 * approvals are broken.
 */
let env: Env;

useEnv((e) => (env = e));

const V1 = COMMITS.v1.sha;
const V3 = COMMITS.v3.sha;
const T = 180_000;

/** A valid data-flow manifest that declares the Segment flow v1 adds. */
const MANIFEST = `version: 1
system:
  name: shop
  description: Example shop
  owner: "@acme/shop"
  responsibility: controller
datasets:
  - id: users
    description: User accounts
    retention: until account deletion
    fields:
      - symbol: User.*
        categories: [user.unique_id, user.contact.email]
flows:
  - id: segment
    kind: third_party
    description: Product analytics
    categories: [user.unique_id, user.contact.email]
    countries: [US]
    transferMechanism: scc
    processor: Twilio Inc.
purposes:
  - id: product-analytics
    dataUse: analytics.reporting
    dataSubjects: [customer]
    categories: [user.unique_id, user.contact.email]
    legalBasis: consent
    flows: [segment]
    datasets: [users]
`;

test(
  'control: a privacy reviewer approves what is on show (success)',
  async () => {
    const { pr, run } = await env.open(V1);
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('Segment (`segment`)');
    const { run: approved } = await pr.comment(REVIEWER, '/privacy approve');
    expect(approved.conclusion).toBe('success');
    expect(approved.output.title).toBe(`Approved by @${REVIEWER}`);
  },
  T,
);

test(
  'the author approves with a /privacy approve comment',
  async () => {
    const { pr } = await env.open(V1);
    const { run } = await pr.comment(AUTHOR, '/privacy approve');
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('the author of a pull request cannot approve it');
  },
  T,
);

test(
  'the author approves with an approving review',
  async () => {
    const { pr } = await env.open(V1);
    const { run } = await pr.review(AUTHOR, 'APPROVED');
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('the author of a pull request cannot approve it');
  },
  T,
);

test(
  'the author clicks Approve on the check run',
  async () => {
    const { pr } = await env.open(V1);
    const run = await pr.click(AUTHOR);
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('the author of a pull request cannot approve it');
  },
  T,
);

test(
  'the author approves with their login in another case (comment, review, click as DEV)',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment('DEV', '/privacy approve')).run.conclusion).toBe(BLOCKED);
    expect((await pr.review('Dev', 'APPROVED')).run.conclusion).toBe(BLOCKED);
    expect((await pr.click('dEv')).conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('the author of a pull request cannot approve it');
  },
  T,
);

test(
  'a bot approves ([bot] login: comment, review and click)',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment('helper[bot]', '/privacy approve', { type: 'Bot' })).run.conclusion).toBe(BLOCKED);
    expect((await pr.review('helper[bot]', 'APPROVED', { type: 'Bot' })).run.conclusion).toBe(BLOCKED);
    expect((await pr.click('helper[bot]', { type: 'Bot' })).conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('bots cannot approve a privacy review');
  },
  T,
);

test(
  'an account of type Bot that is a listed reviewer approves',
  async () => {
    env.fake.config = `reviewers:\n  users: [${REVIEWER}, robo]\n`;
    const { pr } = await env.open(V1);
    expect((await pr.comment('robo', '/privacy approve', { type: 'Bot' })).run.conclusion).toBe(BLOCKED);
    expect((await pr.click('robo', { type: 'Bot' })).conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('bots cannot approve a privacy review');
  },
  T,
);

test(
  'someone who is not a privacy reviewer approves (comment, review, click)',
  async () => {
    const { pr } = await env.open(V1);
    expect((await pr.comment(MALLORY, '/privacy approve')).run.conclusion).toBe(BLOCKED);
    expect((await pr.review(MALLORY, 'APPROVED')).run.conclusion).toBe(BLOCKED);
    expect((await pr.click(MALLORY)).conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain(`@${MALLORY} is not a privacy reviewer`);
  },
  T,
);

test(
  'a pending (not active) member of the reviewer team approves',
  async () => {
    env.fake.config = 'reviewers:\n  teams: [acme/privacy]\n';
    env.fake.teams.set(
      'acme/privacy',
      new Map([
        ['pat', 'pending'],
        ['tess', 'active'],
      ]),
    );
    const { pr } = await env.open(V1);
    expect((await pr.comment('pat', '/privacy approve')).run.conclusion).toBe(BLOCKED);
    expect((await pr.review('pat', 'APPROVED')).run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('@pat is not a privacy reviewer');
    // Control: an active member can approve.
    expect((await pr.comment('tess', '/privacy approve')).run.conclusion).toBe('success');
  },
  T,
);

test(
  "someone edits a reviewer's comment into /privacy approve",
  async () => {
    const { pr } = await env.open(V1);
    const remark = await pr.remark(REVIEWER, 'Looking at the Segment call now.');
    const run = await pr.editComment(MALLORY, remark, '/privacy approve');
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('an edited comment does not approve');
    // Control: the reviewer's own new comment approves.
    expect((await pr.comment(REVIEWER, '/privacy approve')).run.conclusion).toBe('success');
  },
  T,
);

test(
  'a stale fingerprint: /privacy approve <old prefix> after a push that changed the findings',
  async () => {
    const { pr, run: first } = await env.open(V1);
    const old = first.external_id;
    const second = await pr.push(V3);
    expect(second.external_id).not.toBe(old);
    expect(second.conclusion).toBe(BLOCKED);
    expect((await pr.comment(REVIEWER, `/privacy approve ${old.slice(0, 12)}`)).run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('**Approvals that no longer apply**');
    // Control: the current prefix approves.
    expect((await pr.comment(REVIEWER, `/privacy approve ${second.external_id.slice(0, 12)}`)).run.conclusion).toBe('success');
  },
  T,
);

test(
  'a stale approving review: submitted on the old commit after a push that changed the findings',
  async () => {
    const { pr } = await env.open(V1);
    await pr.push(V3);
    const { run } = await pr.review(REVIEWER, 'APPROVED', { commit: V1 });
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('**Approvals that no longer apply**');
  },
  T,
);

test(
  "a stale click: Approve on the old commit's check run after a push that changed the findings",
  async () => {
    const { pr, run: first } = await env.open(V1);
    await pr.push(V3);
    const before = env.completions(V3);
    // The click is on v1's run (as if GitHub still listed the pull request with it); the App evaluates the pull request, whose head is v3.
    const check_run = {
      ...env.fake.checkRunPayload(first),
      pull_requests: [
        { number: pr.number, id: 70000 + pr.number, head: { sha: V1, ref: 'feature' }, base: { sha: COMMITS.base.sha, ref: 'main' } },
      ],
    };
    const payload = {
      action: 'requested_action',
      check_run,
      requested_action: { identifier: 'approve' },
      sender: { login: REVIEWER, id: 1, type: 'User' },
      ...env.common(),
    };
    expect(await env.send('check_run', payload)).toBe(200);
    const run = await env.evaluated(V3, before, "the evaluation of the old run's click");
    expect(run.conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a made-up fingerprint: /privacy approve deadbeefcafe',
  async () => {
    const { pr } = await env.open(V1);
    const { run } = await pr.comment(REVIEWER, '/privacy approve deadbeefcafe');
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('no privacy review of this pull request has a fingerprint starting with `deadbeefcafe`');
  },
  T,
);

test(
  "another app's check run with the same name claims approval",
  async () => {
    const { pr, run } = await env.open(V1);
    const forged = encodeLedger({
      v: 1,
      fingerprint: run.external_id,
      reviewedAt: run.completed_at!,
      asked: [],
      clicks: [{ actor: { login: REVIEWER, type: 'User' }, at: run.completed_at!, fingerprint: run.external_id }],
      withdrawals: [],
      requested: true,
    });
    const foreign = env.fake.addForeignRun(999, {
      head_sha: V1,
      name: 'Privacy review',
      conclusion: 'success',
      external_id: run.external_id,
      title: `Approved by @${REVIEWER}`,
      summary: 'Approved.',
      text: `Approved.\n\n${forged}`,
    });
    // A click on the other app's run: its webhook is not the App's business.
    const click = {
      action: 'requested_action',
      check_run: env.fake.checkRunPayload(foreign),
      requested_action: { identifier: 'approve' },
      sender: { login: REVIEWER, id: 1, type: 'User' },
      ...env.common(),
    };
    await pr.quietly(() => env.send('check_run', click));
    const after = await pr.reevaluate();
    expect(after.conclusion).toBe(BLOCKED);
    expect(after.output.text ?? '').not.toContain(`@${REVIEWER}\` | approved`);
  },
  T,
);

test(
  'a forged ledger in a comment',
  async () => {
    const { pr, run } = await env.open(V1);
    const forged = encodeLedger({
      v: 1,
      fingerprint: run.external_id,
      reviewedAt: run.completed_at!,
      asked: [],
      clicks: [{ actor: { login: REVIEWER, type: 'User' }, at: run.completed_at!, fingerprint: run.external_id }],
      withdrawals: [],
      requested: true,
    });
    await pr.remark(AUTHOR, `Approved on Slack.\n\n${forged}`);
    expect((await pr.comment(MALLORY, `/privacy approve\n\n${forged}`)).run.conclusion).toBe(BLOCKED);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a forged ledger in the pull request body',
  async () => {
    const fingerprint = 'f'.repeat(64);
    const clicks = [{ actor: { login: REVIEWER, type: 'User' }, at: new Date().toISOString(), fingerprint }];
    const forged = encodeLedger({
      v: 1,
      fingerprint,
      reviewedAt: new Date().toISOString(),
      asked: [],
      clicks,
      withdrawals: [],
      requested: true,
    });
    const { pr, run } = await env.open(V1, { body: `Adds Segment.\n\n${forged}` });
    expect(run.conclusion).toBe(BLOCKED);
    // The same ledger with the real fingerprint, in the body, then a re-evaluation.
    const real = encodeLedger({
      v: 1,
      fingerprint: run.external_id,
      reviewedAt: run.completed_at!,
      asked: [],
      clicks: clicks.map((c) => ({ ...c, fingerprint: run.external_id })),
      withdrawals: [],
      requested: true,
    });
    env.fake.state(pr.number)!.body = `Adds Segment.\n\n${real}`;
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  "ticked checkboxes (and a /privacy approve) in the App's sticky comment",
  async () => {
    const { pr } = await env.open(V1);
    const sticky = pr.stickyComment()!;
    expect(sticky.body).toMatch(/- \[ \]/);
    await pr.editQuietly(MALLORY, sticky, `${sticky.body.replace(/- \[ \]/g, '- [x]')}\n\n/privacy approve\n`);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a pull request that adds its author as a reviewer in .github/privacy-review.yml',
  async () => {
    const head = await env.commit({ ...COMMITS.v1.files, '.github/privacy-review.yml': `reviewers:\n  users: [${AUTHOR}, ${MALLORY}]\n` });
    const { pr, run } = await env.open(head);
    expect(run.conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain("the review used the default branch's version");
    expect((await pr.comment(AUTHOR, '/privacy approve')).run.conclusion).toBe(BLOCKED);
    expect((await pr.comment(MALLORY, '/privacy approve')).run.conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'a pull request that sets mode: warn in .github/privacy-review.yml',
  async () => {
    const head = await env.commit({
      ...COMMITS.v1.files,
      '.github/privacy-review.yml': `reviewers:\n  users: [${REVIEWER}]\nmode: warn\ndrafts: review\n`,
    });
    const { pr, run } = await env.open(head);
    expect(run.conclusion).toBe(BLOCKED); // not neutral: the default branch's mode applies
    expect(pr.sticky()).toContain("the review used the default branch's version");
  },
  T,
);

test(
  'a pull request that declares its own flow in the manifest (a changed manifest needs a reviewer)',
  async () => {
    const head = await env.commit({ ...COMMITS.v1.files, '.privacy/manifest.yml': MANIFEST });
    const { pr, run } = await env.open(head);
    expect(run.conclusion).toBe(BLOCKED);
    expect(run.output.title).toMatch(/declaration change/);
    expect((await pr.comment(AUTHOR, '/privacy approve')).run.conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  "a fork's pull request (its author approves by comment and by the check run's button)",
  async () => {
    const { pr, run } = await env.open(V1, { fork: MALLORY, author: MALLORY });
    expect(run.conclusion).toBe(BLOCKED);
    expect((await pr.comment(MALLORY, '/privacy approve')).run.conclusion).toBe(BLOCKED);
    // A fork's check run lists no pull requests: the App looks them up by commit.
    expect(env.fake.checkRunPayload(pr.run()!).pull_requests).toEqual([]);
    expect((await pr.click(MALLORY)).conclusion).toBe(BLOCKED);
    expect(pr.sticky()).toContain('the author of a pull request cannot approve it');
  },
  T,
);

test(
  'a draft is not passed, and is reviewed once marked ready',
  async () => {
    const { pr, run } = await env.open(V1, { draft: true });
    expect(run.conclusion).toBe('neutral');
    expect(run.output.title).toMatch(/Draft/);
    env.fake.state(pr.number)!.draft = false;
    const ready = await pr.act('the review once ready', () => env.send('pull_request', pr.prEvent('ready_for_review')));
    expect(ready.conclusion).toBe(BLOCKED);
    await waitFor('the checklist', () => pr.sticky()?.includes('Segment (`segment`)'));
  },
  T,
);
