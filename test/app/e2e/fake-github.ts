import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiValidator } from './openapi.js';

/**
 * A fake GitHub API on loopback, as a GitHub Enterprise Server at `/api/v3` (what Probot calls
 * with GHE_HOST/GHE_PROTOCOL): one repository, pull request 7 (and more with `openPull`), the
 * App's check runs, comments, reviews, labels. Every request is checked against GitHub's OpenAPI description; anything it
 * does not know or the description rejects is recorded in `violations` (the test asserts none).
 */
type Json = Record<string, any>;

export const APP = { id: 321, slug: 'privacy-review' };
export const BOT_LOGIN = `${APP.slug}[bot]`;

export interface CheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  external_id: string;
  started_at: string;
  completed_at: string | null;
  details_url?: string;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  actions: Json[];
  /** The app that created the run (default: this App); another app's run with the same name is not the App's. */
  appId?: number;
}

export interface Comment {
  id: number;
  body: string;
  user: Json;
  created_at: string;
  updated_at: string;
}

/** What the fake keeps per pull request (pull request 7's state is the FakeGitHub's own fields). */
export interface PullState {
  head: string;
  commits: string[];
  labels: string[];
  requestedReviewers: string[];
  readonly comments: Comment[];
  readonly reviews: Json[];
  /** The base branch and its commit (default: `main` at the fake's base sha); `retarget` changes them. */
  base?: { ref: string; sha: string };
  /** Opened as a draft (default false). */
  draft?: boolean;
  /** The pull request's author (default: the fake's author). */
  authorLogin?: string;
  /** The description (GitHub's `body`). */
  body?: string;
  title?: string;
  /** The owner of the fork the head branch is in (default: the same repository). */
  fork?: string;
}

/** A review as GitHub lists it (`GET /pulls/{n}/reviews`). */
export interface Review {
  id: number;
  user: Json;
  body: string;
  state: string;
  commit_id: string;
  submitted_at: string;
  html_url: string;
}

export class FakeGitHub implements PullState {
  readonly violations: string[] = [];
  readonly requests: string[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly comments: Comment[] = [];
  readonly reviews: Json[] = [];
  labels: string[] = [];
  requestedReviewers: string[] = [];
  reviewRequests = 0;
  config = '';
  head = '';
  commits: string[] = [];
  base?: { ref: string; sha: string };
  draft?: boolean;
  authorLogin?: string;
  body?: string;
  title?: string;
  fork?: string;
  /** Tarball bytes by commit sha. */
  readonly tarballs = new Map<string, Buffer>();
  /** Files of each commit, when known: the compare endpoint lists what differs, as GitHub does. */
  readonly trees = new Map<string, Record<string, string>>();
  /** Pull requests besides 7, by number. */
  private readonly others = new Map<number, PullState>();
  /** Team memberships (`org/slug` → login → state), served by `GET /orgs/{org}/teams/{slug}/memberships/{login}`. */
  readonly teams = new Map<string, Map<string, 'active' | 'pending'>>();
  /**
   * Faults to inject: the next `times` requests whose method and path (the URL's path, `/api/v3`
   * included) match get this answer instead (a rate limit, a refused update).
   */
  readonly faults: {
    method: string;
    path: RegExp;
    times: number;
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
    delayMs?: number;
  }[] = [];
  /** Every completion of a check run (a PATCH with a conclusion), in order: one per evaluation published. */
  readonly completions: { runId: number; sha: string; conclusion: string }[] = [];
  private server?: Server;
  private nextId = 1000;
  private readonly validator = new OpenApiValidator();

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly baseSha: string,
    readonly author: string,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Another open pull request from the same base (number 7 is always there). */
  openPull(number: number): void {
    if (number !== 7 && !this.others.has(number))
      this.others.set(number, { head: '', commits: [], labels: [], requestedReviewers: [], comments: [], reviews: [] });
  }

  /** A person writes a comment (as GitHub would store it), returned for the webhook. */
  addComment(login: string, body: string, number = 7): Comment {
    const now = stamp();
    const c = { id: this.nextId++, body, user: person(login), created_at: now, updated_at: now };
    this.state(number)!.comments.push(c);
    return c;
  }

  push(sha: string, number = 7): void {
    const pr = this.state(number)!;
    pr.head = sha;
    pr.commits.push(sha);
  }

  latestRun(sha: string): CheckRun | undefined {
    return [...this.checkRuns].reverse().find((r) => r.head_sha === sha && (r.appId ?? APP.id) === APP.id);
  }

  /** A person submits a review (GitHub keeps it with the commit it was submitted on); returned for the webhook. */
  addReview(
    login: string,
    state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED',
    number = 7,
    options: { commit?: string; type?: string; body?: string } = {},
  ): Review {
    const pr = this.state(number)!;
    const id = this.nextId++;
    const review: Review = {
      id,
      user: { ...person(login), ...(options.type ? { type: options.type } : {}) },
      body: options.body ?? '',
      state,
      commit_id: options.commit ?? pr.head,
      submitted_at: stamp(),
      html_url: `https://github.example/${this.owner}/${this.repo}/pull/${number}#pullrequestreview-${id}`,
    };
    pr.reviews.push(review);
    return review;
  }

  /** Someone with write access dismisses a review: GitHub keeps it, as DISMISSED. */
  dismissReview(id: number, number = 7): Review {
    const review = this.state(number)!.reviews.find((r) => r.id === id) as Review;
    review.state = 'DISMISSED';
    return review;
  }

  /** Someone with write access edits a comment (anyone's): GitHub moves `updated_at`. */
  editComment(id: number, body: string, number = 7): { comment: Comment; from: string } {
    const c = this.state(number)!.comments.find((x) => x.id === id)!;
    const from = c.body;
    c.body = body;
    c.updated_at = stamp();
    return { comment: c, from };
  }

  /** Someone with write access deletes a comment: it is gone from the list. */
  deleteComment(id: number, number = 7): Comment {
    const list = this.state(number)!.comments as Comment[];
    const i = list.findIndex((x) => x.id === id);
    return list.splice(i, 1)[0]!;
  }

  /** The author changes the base branch (GitHub's "Edit" next to the title). */
  retarget(number: number, base: { ref: string; sha: string }): void {
    this.state(number)!.base = base;
  }

  /** A check run created by another app (or a workflow), e.g. with the App's check name. */
  addForeignRun(
    appId: number,
    run: { head_sha: string; name: string; conclusion: string; external_id?: string; title?: string; summary?: string; text?: string },
  ): CheckRun {
    const c: CheckRun = {
      id: this.nextId++,
      head_sha: run.head_sha,
      name: run.name,
      status: 'completed',
      conclusion: run.conclusion,
      external_id: run.external_id ?? '',
      started_at: stamp(),
      completed_at: stamp(),
      output: { title: run.title ?? null, summary: run.summary ?? null, text: run.text ?? null, annotations_count: 0 },
      actions: [],
      appId,
    };
    this.checkRuns.push(c);
    return c;
  }

  /** A check run as GitHub sends it in a `check_run` webhook (with the pull requests of the same repository). */
  checkRunPayload(c: CheckRun): Json {
    const numbers = [7, ...this.others.keys()].filter((n) => {
      const pr = this.state(n)!;
      return pr.head === c.head_sha && !pr.fork;
    });
    return {
      ...this.runJson(c),
      pull_requests: numbers.map((n) => ({
        number: n,
        id: 70000 + n,
        head: { sha: c.head_sha, ref: 'feature' },
        base: { sha: this.baseSha, ref: 'main' },
      })),
    };
  }

  /**
   * Forget every pull request, comment, review and check run (tarballs, trees, configuration and
   * team memberships stay): a catalogue resets the fake between tests.
   */
  reset(): void {
    this.others.clear();
    this.checkRuns.length = 0;
    this.comments.length = 0;
    this.reviews.length = 0;
    this.completions.length = 0;
    this.faults.length = 0;
    this.labels = [];
    this.requestedReviewers = [];
    this.head = '';
    this.commits = [];
    this.base = undefined;
    this.draft = undefined;
    this.authorLogin = undefined;
    this.body = undefined;
    this.title = undefined;
    this.fork = undefined;
  }

  /** Pull request 7's state, or that of another one `openPull` added. */
  state(number: number): PullState | undefined {
    return number === 7 ? this : this.others.get(number);
  }

  /** The compare endpoint's file list: computed from the trees when both are known, else one modified file. */
  private changedFiles(base: string, head: string): { filename: string; status: string }[] {
    const [before, after] = [this.trees.get(base), this.trees.get(head)];
    if (!before || !after) return [{ filename: 'src/services/signup.ts', status: 'modified' }];
    const files: { filename: string; status: string }[] = [];
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[name] === after[name]) continue;
      files.push({ filename: name, status: before[name] === undefined ? 'added' : after[name] === undefined ? 'removed' : 'modified' });
    }
    return files.sort((a, b) => (a.filename < b.filename ? -1 : 1));
  }

  pull(number = 7): Json {
    const repository = this.repository();
    const pr = this.state(number)!;
    const branch = number === 7 ? 'feature' : `feature-${number}`;
    const base = pr.base ?? { ref: 'main', sha: this.baseSha };
    const headOwner = pr.fork ?? this.owner;
    const headRepo = pr.fork
      ? {
          ...repository,
          id: 888,
          full_name: `${pr.fork}/${this.repo}`,
          owner: person(pr.fork),
          fork: true,
          html_url: `https://github.example/${pr.fork}/${this.repo}`,
        }
      : repository;
    return {
      id: 70000 + number,
      number,
      state: 'open',
      draft: pr.draft ?? false,
      title: pr.title ?? 'Send sign-ups to Segment',
      body: pr.body ?? null,
      html_url: `https://github.example/${this.owner}/${this.repo}/pull/${number}`,
      user: person(pr.authorLogin ?? this.author),
      labels: pr.labels.map((name, i) => ({ id: i + 1, name })),
      requested_reviewers: pr.requestedReviewers.map(person),
      requested_teams: [],
      head: { sha: pr.head, ref: branch, label: `${headOwner}:${branch}`, repo: headRepo, user: person(headOwner) },
      base: { sha: base.sha, ref: base.ref, label: `${this.owner}:${base.ref}`, repo: repository, user: person(this.owner) },
    };
  }

  repository(): Json {
    return {
      id: 777,
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      owner: { ...person(this.owner), type: 'Organization' },
      private: true,
      html_url: `https://github.example/${this.owner}/${this.repo}`,
      default_branch: 'main',
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Json) : undefined;
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    const send = (status: number, data?: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(data === undefined ? '' : typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
    };

    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      res.writeHead(fault.status, {
        'content-type': Buffer.isBuffer(fault.body) ? 'application/x-gzip' : 'application/json',
        ...fault.headers,
      });
      return void res.end(Buffer.isBuffer(fault.body) ? fault.body : JSON.stringify(fault.body ?? { message: 'fault' }));
    }
    // The archive host a tarball request redirects to (codeload on github.com): not the API.
    if (url.pathname.startsWith('/_codeload/')) {
      const tar = this.tarballs.get(url.pathname.split('/').pop()!);
      return tar ? send(200, tar, 'application/x-gzip') : send(404, { message: 'Not Found' });
    }
    if (!url.pathname.startsWith('/api/v3/')) {
      this.violations.push(`${method} ${url.pathname}: not under /api/v3`);
      return send(404, { message: 'Not Found' });
    }
    const path = url.pathname.slice('/api/v3'.length);
    const problems = this.validator.validate(method, path, url.searchParams, body);
    this.violations.push(...problems);
    if (problems.length) return send(422, { message: problems.join('; ') });

    const r = `/repos/${this.owner}/${this.repo}`;
    const m = (re: RegExp) => re.exec(path);
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/app')
      return send(200, { id: APP.id, slug: APP.slug, name: 'Privacy review', owner: person(this.owner) });
    if (method === 'POST' && (match = m(/^\/app\/installations\/(\d+)\/access_tokens$/))) {
      return send(201, { token: 'ghs_fake', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} });
    }
    // Routes of one pull request (issue routes share its number): `pr` is its state, `n` its number.
    const prRoute = (re: string) => {
      const hit = new RegExp(`^${r}/(?:pulls|issues)/(\\d+)${re}$`).exec(path);
      const n = hit ? Number(hit[1]) : NaN;
      const pr = hit ? this.state(n) : undefined;
      return pr ? { pr, n, hit: hit! } : undefined;
    };
    let on: ReturnType<typeof prRoute>;
    if (method === 'GET' && path.startsWith(`${r}/pulls/`) && (on = prRoute(''))) return send(200, this.pull(on.n));
    if (method === 'GET' && (match = m(/^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/))) {
      const file = decodeURIComponent(match[3]!);
      // With `ref`, the file at that commit when its tree is known (a pull request's own version); without, the default branch's.
      const ref = url.searchParams.get('ref');
      if (ref && this.trees.has(ref)) {
        const text = this.trees.get(ref)![file];
        return match[1] === this.owner && match[2] === this.repo && text !== undefined
          ? send(200, text, 'text/plain')
          : send(404, { message: 'Not Found' });
      }
      if (match[1] === this.owner && match[2] === this.repo && file === '.github/privacy-review.yml' && this.config)
        return send(200, this.config, 'text/plain');
      return send(404, { message: 'Not Found' });
    }
    if (method === 'GET' && (match = m(new RegExp(`^${r}/compare/([0-9a-f]+)\\.\\.\\.([0-9a-f]+)$`)))) {
      // A base the fake knows (another branch, after a retarget) is its own merge base; else the fake's base.
      const base = this.trees.has(match[1]!) || this.tarballs.has(match[1]!) ? match[1]! : this.baseSha;
      return send(200, { merge_base_commit: { sha: base }, files: this.changedFiles(base, match[2]!), commits: [] });
    }
    if (method === 'GET' && (match = m(new RegExp(`^${r}/tarball/([0-9a-f]+)$`)))) {
      res.writeHead(302, { location: `/_codeload/${this.owner}/${this.repo}/${match[1]}` });
      return void res.end();
    }
    if (method === 'GET' && path.startsWith(`${r}/pulls/`) && (on = prRoute('/reviews'))) return send(200, on.pr.reviews);
    if (method === 'GET' && path.startsWith(`${r}/issues/`) && (on = prRoute('/comments'))) {
      const n = on.n;
      return send(
        200,
        on.pr.comments.map((c) => ({ ...c, html_url: `https://github.example/${this.owner}/${this.repo}/pull/${n}#issuecomment-${c.id}` })),
      );
    }
    if (method === 'GET' && path.startsWith(`${r}/pulls/`) && (on = prRoute('/commits')))
      return send(
        200,
        on.pr.commits.map((sha) => ({ sha })),
      );
    if (method === 'GET' && (match = m(new RegExp(`^${r}/commits/([0-9a-f]+)/pulls$`)))) {
      const sha = match[1]!;
      const numbers = [7, ...this.others.keys()].filter((n) => this.state(n)!.head === sha);
      return send(
        200,
        numbers.map((n) => this.pull(n)),
      );
    }
    if (method === 'GET' && (match = m(new RegExp(`^${r}/commits/([0-9a-f]+)/check-runs$`)))) {
      const runs = this.checkRuns.filter(
        (c) =>
          c.head_sha === match![1] &&
          (!url.searchParams.has('check_name') || c.name === url.searchParams.get('check_name')) &&
          (!url.searchParams.has('app_id') || String(c.appId ?? APP.id) === url.searchParams.get('app_id')),
      );
      return send(200, { total_count: runs.length, check_runs: runs.map((c) => this.runJson(c)) });
    }
    if (method === 'POST' && path === `${r}/check-runs`) {
      const run: CheckRun = {
        id: this.nextId++,
        head_sha: body!.head_sha,
        name: body!.name,
        status: body!.status ?? 'queued',
        conclusion: null,
        external_id: body!.external_id ?? '',
        started_at: body!.started_at ?? stamp(),
        completed_at: null,
        output: {
          title: body!.output?.title ?? null,
          summary: body!.output?.summary ?? null,
          text: body!.output?.text ?? null,
          annotations_count: 0,
        },
        actions: [],
      };
      this.checkRuns.push(run);
      return send(201, this.runJson(run));
    }
    if (method === 'GET' && (match = m(new RegExp(`^${r}/check-runs/(\\d+)$`)))) {
      const run = this.checkRuns.find((c) => c.id === Number(match![1]));
      return run ? send(200, this.runJson(run)) : send(404, { message: 'Not Found' });
    }
    if (method === 'PATCH' && (match = m(new RegExp(`^${r}/check-runs/(\\d+)$`)))) {
      const run = this.checkRuns.find((c) => c.id === Number(match![1]));
      if (!run) return send(404, { message: 'Not Found' });
      if (body!.output) {
        run.output = {
          title: body!.output.title,
          summary: body!.output.summary,
          text: body!.output.text ?? run.output.text,
          annotations_count: run.output.annotations_count + (body!.output.annotations?.length ?? 0),
        };
      }
      if (body!.external_id !== undefined) run.external_id = body!.external_id;
      if (body!.actions) run.actions = body!.actions;
      if (body!.details_url) run.details_url = body!.details_url;
      if (body!.conclusion) {
        run.status = 'completed';
        run.conclusion = body!.conclusion;
        run.completed_at = stamp();
        this.completions.push({ runId: run.id, sha: run.head_sha, conclusion: run.conclusion! });
      } else if (body!.status) run.status = body!.status;
      return send(200, this.runJson(run));
    }
    if (method === 'POST' && path.startsWith(`${r}/issues/`) && (on = prRoute('/comments'))) {
      const c = { ...this.addComment(BOT_LOGIN, body!.body, on.n), user: { ...person(BOT_LOGIN), type: 'Bot' } };
      on.pr.comments[on.pr.comments.length - 1] = c;
      return send(201, { ...c, html_url: `https://github.example/${this.owner}/${this.repo}/pull/${on.n}#issuecomment-${c.id}` });
    }
    if (method === 'PATCH' && (match = m(new RegExp(`^${r}/issues/comments/(\\d+)$`)))) {
      const id = Number(match[1]);
      const n = [7, ...this.others.keys()].find((k) => this.state(k)!.comments.some((x) => x.id === id));
      const c = n === undefined ? undefined : this.state(n)!.comments.find((x) => x.id === id);
      if (!c) return send(404, { message: 'Not Found' });
      c.body = body!.body;
      c.updated_at = stamp();
      return send(200, { ...c, html_url: `https://github.example/${this.owner}/${this.repo}/pull/${n}#issuecomment-${c.id}` });
    }
    if (method === 'POST' && path.startsWith(`${r}/issues/`) && (on = prRoute('/labels'))) {
      on.pr.labels = [...new Set([...on.pr.labels, ...(body!.labels as string[])])];
      return send(
        200,
        on.pr.labels.map((name) => ({ name })),
      );
    }
    if (method === 'DELETE' && path.startsWith(`${r}/issues/`) && (on = prRoute('/labels/([^/]+)'))) {
      const name = decodeURIComponent(on.hit[2]!);
      on.pr.labels = on.pr.labels.filter((l) => l !== name);
      return send(200, []);
    }
    if (method === 'POST' && path.startsWith(`${r}/pulls/`) && (on = prRoute('/requested_reviewers'))) {
      this.reviewRequests++;
      on.pr.requestedReviewers = [...new Set([...on.pr.requestedReviewers, ...((body!.reviewers as string[]) ?? [])])];
      return send(201, this.pull(on.n));
    }
    if (method === 'GET' && (match = m(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/))) {
      const members = this.teams.get(`${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`.toLowerCase());
      const state = members?.get(decodeURIComponent(match[3]!).toLowerCase());
      if (!state) return send(404, { message: 'Not Found' });
      return send(200, { url: `https://github.example/api/v3${path}`, role: 'member', state });
    }
    this.violations.push(`${method} ${path}: the fake does not serve this`);
    return send(404, { message: 'Not Found' });
  }

  private runJson(c: CheckRun): Json {
    const { appId: _appId, ...run } = c;
    return {
      ...run,
      html_url: `https://github.example/${this.owner}/${this.repo}/runs/${c.id}`,
      app: (c.appId ?? APP.id) === APP.id ? { id: APP.id, slug: APP.slug } : { id: c.appId, slug: `app-${c.appId}` },
      check_suite: { id: 1 },
      pull_requests: [],
    };
  }
}

/** GitHub's timestamps: whole seconds. */
export function stamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function person(login: string): Json {
  return {
    login,
    id: [...login].reduce((n, ch) => n * 31 + ch.charCodeAt(0), 7) % 1_000_000,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}
