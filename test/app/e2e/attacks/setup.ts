import { createHash } from 'node:crypto';
import { privateKey } from '../../helpers/github.js';
import { makeTarball } from '../../helpers/tarball.js';
import { deliver, startApp, waitFor, type AppProcess } from '../app-process.js';
import { APP, BOT_LOGIN, FakeGitHub, person, stamp, type CheckRun, type Comment, type Review } from '../fake-github.js';
import { COMMITS } from '../fixture-repo.js';

/**
 * The attack catalogue's shared setup. Every attack and its expected result is listed in
 * catalogue.md next to this file (one test file per family: approval-holds, approval-bypasses,
 * gate-evasion, crash, webhooks). Each test file starts the real App process and the fake GitHub
 * once (`startEnv` in beforeAll) and resets the fake before each test (`env.reset()` in
 * beforeEach); every test opens its own pull request (a fresh number), so no state is shared
 * between tests but the App's analysis cache, which only saves time.
 *
 * An attacker acts on GitHub (a comment, a review, a click, a retarget, an edit, a deletion): the
 * fake's state changes as GitHub's would, then the webhook GitHub would send is delivered, signed
 * as GitHub signs it. `PullRequest.act` waits until the App has published an evaluation of the
 * head after the action (a check run completed), and returns the head's check run as it stands.
 */

export const SECRET = 'attack-catalogue-webhook-secret';
export const AUTHOR = 'dev';
export const REVIEWER = 'priv';
/** Someone with write access to the repository who is no privacy reviewer. */
export const MALLORY = 'mallory';
/**
 * The default branch's configuration (the App reads it from there, never from the pull request).
 * No label: the label is no part of the gate, and every write to GitHub costs the App a second
 * (Octokit's throttling spaces writes one second apart), so the catalogue avoids writes it does
 * not assert.
 */
export const CONFIG = `reviewers:\n  users: [${REVIEWER}]\nlabels: false\n`;

export type Files = Record<string, string | Buffer>;
type Json = Record<string, any>;

/** The fixture repository's merge base (`main`). */
export const BASE = COMMITS.base.files;

/** A new file that sends a user's email address to Segment (an undeclared data flow), importing the User model from `userImport`. */
export function segmentLeak(userImport = '../models/user'): string {
  return `import { Analytics } from '@segment/analytics-node';
import type { User } from '${userImport}';

const analytics = new Analytics({ writeKey: 'k' });

export async function track(user: User) {
  analytics.identify({ userId: user.id, traits: { email: user.email } });
}
`;
}

/** GitHub's statuses for the check run: what a branch protection rule sees. */
export const BLOCKED = 'action_required';

export class Env {
  private delivery = 0;
  private nextNumber = 100;
  /** Commits registered with the fake, by content, so that one content is one sha in every test. */
  private readonly known = new Map<string, string>();

  constructor(
    readonly fake: FakeGitHub,
    public app: AppProcess,
    private readonly appEnv: Record<string, string>,
  ) {}

  /** Forget the previous test's pull requests, comments, reviews and check runs. */
  reset(): void {
    this.fake.reset();
    this.fake.config = CONFIG;
    this.fake.teams.clear();
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.fake.stop();
  }

  /** Start the App again if an attack took it down (the next test still needs one). */
  async ensureApp(): Promise<void> {
    if (!this.app.exit?.()) return;
    this.app = await startApp(this.appEnv);
  }

  /**
   * A commit with these files: its tarball (GitHub's layout) and tree are served by the fake. The
   * sha is derived from the content, so the same tree is the same commit (and a cached analysis).
   */
  async commit(files: Files): Promise<string> {
    const digest = createHash('sha1');
    for (const name of Object.keys(files).sort()) digest.update(`${name}\0`).update(files[name]!).update('\0');
    const sha = digest.digest('hex');
    if (this.known.has(sha)) return sha;
    this.fake.tarballs.set(sha, await makeTarball(files as Record<string, string>, { top: `acme-shop-${sha.slice(0, 7)}` }));
    // The compare endpoint compares strings: a binary file by its hash.
    this.fake.trees.set(
      sha,
      Object.fromEntries(
        Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : `binary:${createHash('sha1').update(v).digest('hex')}`]),
      ),
    );
    this.known.set(sha, sha);
    return sha;
  }

  /** Register a tarball as it is (a crafted one): no tree, so the compare endpoint lists one modified file. */
  rawCommit(sha: string, tarball: Buffer): string {
    this.fake.tarballs.set(sha, tarball);
    return sha;
  }

  /** A signed delivery, as GitHub sends it; the HTTP status. */
  send(event: string, payload: object, id = `attack-${process.pid}-${++this.delivery}`): Promise<number> {
    return deliver(this.app.port, SECRET, event, payload, id);
  }

  /** A fresh delivery id (to send the same delivery twice, or a replay with a new id). */
  deliveryId(): string {
    return `attack-${process.pid}-${++this.delivery}`;
  }

  common(): Json {
    return { repository: this.fake.repository(), installation: { id: 99 }, organization: person('acme') };
  }

  /**
   * A pull request from `head` (opened, or `draft`), not yet announced: set it up further, then
   * `open()` delivers `pull_request.opened` and waits for the first review.
   */
  pull(
    head: string,
    options: { author?: string; base?: { ref: string; sha: string }; draft?: boolean; body?: string; fork?: string } = {},
  ): PullRequest {
    const number = this.nextNumber++;
    this.fake.openPull(number);
    const pr = this.fake.state(number)!;
    if (options.author) pr.authorLogin = options.author;
    if (options.base) pr.base = options.base;
    if (options.draft) pr.draft = true;
    if (options.body) pr.body = options.body;
    if (options.fork) pr.fork = options.fork;
    // The author asked the privacy reviewer already (so the App does not: one write less).
    pr.requestedReviewers = [REVIEWER];
    this.fake.push(head, number);
    return new PullRequest(this, number);
  }

  /** Open a pull request from `head` and wait for its first review. */
  async open(head: string, options: Parameters<Env['pull']>[1] = {}): Promise<{ pr: PullRequest; run: CheckRun }> {
    const pr = this.pull(head, options);
    const run = await pr.open();
    return { pr, run };
  }

  /** Check runs completed for this commit so far (each evaluation the App publishes completes one). */
  completions(sha: string): number {
    return this.fake.completions.filter((c) => c.sha === sha).length;
  }

  /** The App's last log lines (a timed-out wait says what the App was doing). */
  logTail(lines = 15): string {
    return this.app
      .output()
      .trim()
      .split('\n')
      .slice(-lines)
      .map((l) => l.slice(0, 400))
      .join('\n');
  }

  /** `waitFor`, with the App's last log lines in the error when it times out. */
  async until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
    try {
      return await waitFor(what, probe, timeoutMs);
    } catch (e) {
      if (process.env.ATTACKS_LOG)
        (await import('node:fs')).writeFileSync(process.env.ATTACKS_LOG, `${this.app.output()}\n${this.fake.requests.join('\n')}`);
      throw new Error(`${(e as Error).message}\nthe App's last log lines:\n${this.logTail()}`, { cause: e });
    }
  }

  /** Wait for an evaluation of `sha` published after `before` completions, and return the commit's latest App check run. */
  async evaluated(sha: string, before: number, what = 'an evaluation'): Promise<CheckRun> {
    await this.until(`${what} of ${sha.slice(0, 7)}`, () => this.completions(sha) > before, 120_000);
    return waitFor(`${what}: the check run of ${sha.slice(0, 7)} to complete`, () => {
      const run = this.fake.latestRun(sha);
      return run?.status === 'completed' ? run : undefined;
    });
  }

  /** The App's check runs on a commit. */
  runs(sha: string): CheckRun[] {
    return this.fake.checkRuns.filter((r) => r.head_sha === sha && (r.appId ?? APP.id) === APP.id);
  }

  /** Wait until none of the App's check runs is in progress (before the next test resets the fake). */
  async settle(): Promise<void> {
    await waitFor('every check run to complete', () => this.fake.checkRuns.every((r) => r.status === 'completed'), 120_000);
  }

  /**
   * Every job the App's log shows enqueued for pull request `n` has ended (published, failed or
   * superseded): for tests that send several events without waiting for each evaluation. (A
   * draft that is skipped ends silently: not for drafts.)
   */
  jobsEnded(n: number): boolean {
    const lines = this.app
      .output()
      .split('\n')
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Json];
        } catch {
          return [];
        }
      })
      .filter((j) => j.pr === n);
    const started = lines.filter((j) => j.msg === 'privacy review enqueued' && (j.queue === 'queued' || j.queue === 'deferred')).length;
    const ended = lines.filter(
      (j) => /^privacy review (published|failed|superseded|could not start)/.test(String(j.msg)) || j.msg === 'review job crashed',
    ).length;
    return started > 0 && ended >= started;
  }

  /** The process is still up and answers. */
  async alive(): Promise<boolean> {
    if (this.app.exit?.()) return false;
    return fetch(`http://127.0.0.1:${this.app.port}/ping`).then(
      (r) => r.ok,
      () => false,
    );
  }
}

/** One pull request of a test, with what people (and attackers) do to it. */
export class PullRequest {
  constructor(
    private readonly env: Env,
    readonly number: number,
  ) {}

  private get fake(): FakeGitHub {
    return this.env.fake;
  }

  get head(): string {
    return this.fake.state(this.number)!.head;
  }

  get author(): string {
    return this.fake.state(this.number)!.authorLogin ?? AUTHOR;
  }

  /** The App's sticky comment (the checklist), if any. */
  sticky(): string | undefined {
    return this.fake.state(this.number)!.comments.find((c) => c.user.login === BOT_LOGIN)?.body;
  }

  labels(): string[] {
    return this.fake.state(this.number)!.labels;
  }

  /** The head's latest App check run. */
  run(): CheckRun | undefined {
    return this.fake.latestRun(this.head);
  }

  pullJson(): Json {
    return this.fake.pull(this.number);
  }

  /** A `pull_request` webhook as GitHub sends it. */
  prEvent(action: string, extra: Json = {}, sender = this.author): Json {
    return { action, number: this.number, pull_request: this.pullJson(), sender: person(sender), ...this.env.common(), ...extra };
  }

  commentEvent(action: 'created' | 'edited' | 'deleted', c: Comment, sender: Json, extra: Json = {}): Json {
    return {
      action,
      issue: {
        number: this.number,
        state: 'open',
        title: 'Send sign-ups to Segment',
        user: person(this.author),
        pull_request: { url: 'x' },
      },
      comment: { ...c, html_url: `https://github.example/acme/shop/pull/${this.number}#issuecomment-${c.id}` },
      sender,
      ...this.env.common(),
      ...extra,
    };
  }

  reviewEvent(action: 'submitted' | 'dismissed', review: Review, sender: Json): Json {
    return { action, review, pull_request: this.pullJson(), sender, ...this.env.common() };
  }

  /**
   * Do something on GitHub, deliver its webhook (must be answered 200) and wait for the App's
   * evaluation of the head published after it; the head's check run then.
   */
  async act(what: string, deliverIt: () => Promise<number>): Promise<CheckRun> {
    const before = this.env.completions(this.head);
    expect(await deliverIt()).toBe(200);
    return this.env.evaluated(this.head, before, what);
  }

  /** Do something the App is expected to ignore (no evaluation to wait for): deliver its webhook, answered 200. */
  async quietly(deliverIt: () => Promise<number>): Promise<void> {
    expect(await deliverIt()).toBe(200);
  }

  /** `login` writes a comment without a `/privacy` command (the App ignores it). */
  async remark(login: string, body: string): Promise<Comment> {
    const c = this.fake.addComment(login, body, this.number);
    await this.quietly(() => this.env.send('issue_comment', this.commentEvent('created', c, c.user)));
    return c;
  }

  /** `editor` edits comment `c` into `body` and the App is expected to ignore it (e.g. the App's own comment). */
  async editQuietly(editor: string, c: Comment, body: string): Promise<void> {
    await waitFor('a new second (GitHub stamps whole seconds)', () => stamp() !== c.created_at);
    const { comment, from } = this.fake.editComment(c.id, body, this.number);
    await this.quietly(() =>
      this.env.send('issue_comment', this.commentEvent('edited', comment, person(editor), { changes: { body: { from } } })),
    );
  }

  /** The App's sticky comment as GitHub keeps it. */
  stickyComment(): Comment | undefined {
    return this.fake.state(this.number)!.comments.find((c) => c.user.login === BOT_LOGIN);
  }

  /** Deliver `pull_request.opened` and wait for the first review. */
  open(): Promise<CheckRun> {
    return this.act('the first review', () => this.env.send('pull_request', this.prEvent('opened')));
  }

  /** Push `sha` (synchronize) and wait for its review. */
  async push(sha: string): Promise<CheckRun> {
    const before = this.head;
    this.fake.push(sha, this.number);
    return this.act('the review of the push', () => this.env.send('pull_request', this.prEvent('synchronize', { before, after: sha })));
  }

  /**
   * Make the App evaluate the pull request again without changing anything (a `synchronize` for the
   * same head, as a re-push sends): after an event the App ignores, this shows what it concluded.
   */
  reevaluate(): Promise<CheckRun> {
    // Within five minutes the App starts no new check run for the same head and event kind: the job writes into the head's latest run.
    return this.act('a re-evaluation', () =>
      this.env.send('pull_request', this.prEvent('synchronize', { before: this.head, after: this.head })),
    );
  }

  /**
   * "Re-run" on the check (`check_run.rerequested`): the App analyzes the head again in a new check
   * run (the first re-run of the head within five minutes; later ones write into the latest run).
   */
  rerun(): Promise<CheckRun> {
    const run = this.run()!;
    return this.newRun('a re-run', () =>
      this.env.send('check_run', {
        action: 'rerequested',
        check_run: this.fake.checkRunPayload(run),
        sender: person(this.author),
        ...this.env.common(),
      }),
    );
  }

  /** Deliver, then wait for a check run of the head created after the delivery to complete. */
  private async newRun(what: string, deliverIt: () => Promise<number>): Promise<CheckRun> {
    const last = Math.max(0, ...this.env.runs(this.head).map((r) => r.id));
    expect(await deliverIt()).toBe(200);
    return this.env.until(
      `${what} (a check run after #${last}; now ${this.env
        .runs(this.head)
        .map((r) => `#${r.id} ${r.status}`)
        .join(', ')})`,
      () => {
        const run = this.fake.latestRun(this.head);
        return run && run.id > last && run.status === 'completed' ? run : undefined;
      },
    );
  }

  /** `login` writes a comment (a person, or `type: 'Bot'`). */
  async comment(login: string, body: string, options: { type?: string } = {}): Promise<{ run: CheckRun; comment: Comment }> {
    const c = this.fake.addComment(login, body, this.number);
    if (options.type) c.user = { ...c.user, type: options.type };
    const run = await this.act(`the evaluation of ${login}'s comment`, () =>
      this.env.send('issue_comment', this.commentEvent('created', c, c.user)),
    );
    return { run, comment: c };
  }

  /** `editor` edits comment `c` into `body` (in a later second than it was written, so GitHub shows it edited). */
  async editComment(editor: string, c: Comment, body: string): Promise<CheckRun> {
    await waitFor('a new second (GitHub stamps whole seconds)', () => stamp() !== c.created_at);
    const { comment, from } = this.fake.editComment(c.id, body, this.number);
    return this.act(`the evaluation of ${editor}'s edit`, () =>
      this.env.send('issue_comment', this.commentEvent('edited', comment, person(editor), { changes: { body: { from } } })),
    );
  }

  /** `who` deletes comment `c`. */
  async deleteComment(who: string, c: Comment): Promise<CheckRun> {
    const gone = this.fake.deleteComment(c.id, this.number);
    return this.act(`the evaluation of ${who}'s deletion`, () =>
      this.env.send('issue_comment', this.commentEvent('deleted', gone, person(who))),
    );
  }

  /** `login` submits a review (on the head, or on `commit`). */
  async review(
    login: string,
    state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED',
    options: { commit?: string; type?: string } = {},
  ): Promise<{ run: CheckRun; review: Review }> {
    const r = this.fake.addReview(login, state, this.number, options);
    const run = await this.act(`the evaluation of ${login}'s review`, () =>
      this.env.send('pull_request_review', this.reviewEvent('submitted', r, r.user)),
    );
    return { run, review: r };
  }

  /** `who` dismisses review `r`. */
  async dismiss(who: string, r: Review): Promise<CheckRun> {
    const dismissed = this.fake.dismissReview(r.id, this.number);
    return this.act(`the evaluation of ${who}'s dismissal`, () =>
      this.env.send('pull_request_review', this.reviewEvent('dismissed', dismissed, person(who))),
    );
  }

  /** `login` clicks the check run's "Approve" button on `run` (default: the head's latest run). */
  async click(login: string, options: { run?: CheckRun; type?: string } = {}): Promise<CheckRun> {
    const run = options.run ?? this.run()!;
    const sender = { ...person(login), ...(options.type ? { type: options.type } : {}) };
    const payload = {
      action: 'requested_action',
      check_run: this.fake.checkRunPayload(run),
      requested_action: { identifier: 'approve' },
      sender,
      ...this.env.common(),
    };
    return this.act(`the evaluation of ${login}'s click`, () => this.env.send('check_run', payload));
  }

  /** The author changes the base branch: `pull_request.edited` with `changes.base`. */
  async retarget(base: { ref: string; sha: string }): Promise<CheckRun> {
    const from = this.fake.pull(this.number).base as { ref: string; sha: string };
    this.fake.retarget(this.number, base);
    return this.act('the review against the new base', () =>
      this.env.send('pull_request', this.prEvent('edited', { changes: { base: { ref: { from: from.ref }, sha: { from: from.sha } } } })),
    );
  }
}

/**
 * The usual lifecycle of a catalogue file: the App and the fake started once, the fake reset before
 * each test, and after each test the App's writes settled and checked against GitHub's API.
 */
export function useEnv(set: (env: Env) => void, appEnv: Record<string, string> = {}): void {
  let env: Env | undefined;
  beforeAll(async () => {
    env = await startEnv(appEnv);
    set(env);
  }, 180_000);
  afterAll(() => env?.stop());
  beforeEach(() => env!.reset());
  afterEach(async () => {
    await env!.settle();
    expect(env!.fake.violations).toEqual([]);
  }, 150_000);
}

/**
 * Start the fake GitHub and the App (once per test file). `env` adds to the App's environment
 * (e.g. a shorter review timeout).
 */
export async function startEnv(env: Record<string, string> = {}): Promise<Env> {
  const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, AUTHOR);
  fake.config = CONFIG;
  for (const c of Object.values(COMMITS)) {
    fake.tarballs.set(c.sha, await makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` }));
    fake.trees.set(c.sha, c.files);
  }
  const apiPort = await fake.start();
  const appEnv = {
    APP_ID: String(APP.id),
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: `127.0.0.1:${apiPort}`,
    GHE_PROTOCOL: 'http',
    ...env,
  };
  const app = await startApp(appEnv);
  return new Env(fake, app, appEnv);
}

export { APP, BOT_LOGIN, COMMITS, person, stamp, waitFor };
export type { CheckRun, Comment, Review };
