import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { createPrivacyReview, type PrivacyReviewOptions } from '../../../src/app/app.js';
import { encodeLedger } from '../../../src/app/approval/ledger.js';
import { capturedLog } from './captured-log.js';
import { makeTarball } from './tarball.js';
import { APP_ID, BASE_SHA, BOT, HEAD_SHA, INSTALLATION, MERGE_BASE, OWNER, REPO, pullObject, user } from './payloads.js';

type Json = Record<string, any>;

export const API = 'https://api.github.com';
export const R = `/repos/${OWNER}/${REPO}`;

let key: string | undefined;
/** One RSA key per test run: Probot signs its app JWT with it (nock does not check it). */
export function privateKey(): string {
  key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return key;
}

/**
 * The App loaded into a Probot with retries and throttling off (a 500 must fail at once) and a
 * captured log; `octokit` changes those two options (e.g. throttling on, with the App's handlers).
 */
export async function loadApp(options: PrivacyReviewOptions = {}, octokit: Json = {}) {
  const { lines, log } = capturedLog();
  const probot = new Probot({
    appId: APP_ID,
    privateKey: privateKey(),
    log,
    Octokit: ProbotOctokit.defaults((o: Json) => ({
      ...o,
      retry: { ...o.retry, enabled: false, ...octokit.retry },
      throttle: { ...o.throttle, enabled: false, ...octokit.throttle },
    })),
  });
  const { app, queue, pool, close } = createPrivacyReview({ now: () => new Date('2024-05-01T12:30:00Z'), ...options });
  await probot.load(app);
  return { probot, queue, pool, close, logs: lines };
}

/** Every write the App makes, captured to be asserted after `receive` (an expect inside a nock matcher hangs). */
export interface Captured {
  checkCreates: Json[];
  checkUpdates: { id: number; body: Json }[];
  commentCreates: Json[];
  commentUpdates: { id: number; body: Json }[];
  labelsAdded: Json[];
  labelsRemoved: string[];
  reviewRequests: Json[];
  textUpdates: { id: number; body: Json }[];
}

export function captured(): Captured {
  return {
    checkCreates: [],
    checkUpdates: [],
    commentCreates: [],
    commentUpdates: [],
    labelsAdded: [],
    labelsRemoved: [],
    reviewRequests: [],
    textUpdates: [],
  };
}

/** GET /app (the bot login) and an installation token. */
export function mockAuth(scope: nock.Scope): nock.Scope {
  return scope
    .get('/app')
    .reply(200, { id: APP_ID, slug: 'privacy-review', name: 'Privacy review', owner: user(OWNER, 'Organization') })
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
}

export interface RunMocks {
  /** Text of .github/privacy-review.yml on the default branch; undefined: 404 (then the org's .github repo, also 404). */
  config?: string;
  pull?: Json;
  /** The second read of the pull request (before writing the comment); default: the same. */
  pullAfter?: Json;
  tarballs?: { base: Buffer; head: Buffer };
  /** Skip compare and tarballs (the analysis is cached or not reached). */
  noAnalysis?: boolean;
  reviews?: Json[];
  comments?: Json[];
  commits?: string[];
  /** The App's check runs per commit (GET /commits/{sha}/check-runs). */
  runs?: Record<string, Json[]>;
  /** The id POST /check-runs returns (one create expected) ; undefined: no create expected. */
  createId?: number;
  /** Check run ids expected to be PATCHed, with how many times each. */
  updates?: Record<number, number>;
  /** Expect the sticky comment to be created (id) / updated (id); neither: unchanged or not written. */
  commentCreate?: boolean;
  commentUpdate?: number;
  labelAdd?: boolean;
  labelRemove?: string;
  requestReviewers?: boolean;
  /** Team membership answers: `org/slug/login` → state (absent: 404). */
  teams?: Record<string, string>;
  teamLookups?: string[];
  /** Stop after these: no signals, no writes beyond the check run. */
  stopAfterConfig?: boolean;
  stopAfterPull?: boolean;
}

/**
 * The requests of one analysis of PR #7 up to its result: the in-progress check run `runId`, the
 * pull request, `.github/privacy-review.yml` with `config`, the comparison, both (one-file)
 * tarballs, and the check run's update, captured into `cap`.
 */
export async function mockAnalysis(cap: Captured, runId: number, config: string): Promise<nock.Scope> {
  const tar = await makeTarball({ 'a.ts': '' });
  return mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: runId })
    .get(`${R}/pulls/7`)
    .reply(200, pullObject())
    .get(`${R}/contents/.github%2Fprivacy-review.yml`)
    .reply(200, config, { 'content-type': 'text/plain' })
    .get(`${R}/compare/${BASE_SHA}...${HEAD_SHA}`)
    .query(true)
    .reply(200, { merge_base_commit: { sha: MERGE_BASE }, files: [] })
    .get(`${R}/tarball/${MERGE_BASE}`)
    .reply(200, tar)
    .get(`${R}/tarball/${HEAD_SHA}`)
    .reply(200, tar)
    .patch(`${R}/check-runs/${runId}`, (b) => (cap.checkUpdates.push({ id: runId, body: b }), true))
    .reply(200, {});
}

/** The requests one evaluation of PR #7 makes, each answered once, writes captured into `cap`. */
export function mockRun(scope: nock.Scope, cap: Captured, m: RunMocks): nock.Scope {
  const pull = m.pull ?? pullObject();
  const head = pull.head.sha as string;
  if (m.createId !== undefined) {
    scope.post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true)).reply(201, { id: m.createId });
  }
  for (const [id, times] of Object.entries(m.updates ?? {})) {
    scope
      .patch(
        `${R}/check-runs/${id}`,
        (b) => (
          (b.status || b.conclusion || b.output?.annotations ? cap.checkUpdates : cap.textUpdates).push({ id: Number(id), body: b }),
          true
        ),
      )
      .times(times)
      .reply(200, { id: Number(id) });
  }
  scope.get(`${R}/pulls/7`).reply(200, pull);
  if (m.stopAfterPull) return scope;
  if (m.config === undefined) {
    scope.get(`${R}/contents/.github%2Fprivacy-review.yml`).reply(404, { message: 'Not Found' });
    scope.get(`/repos/${OWNER}/.github/contents/.github%2Fprivacy-review.yml`).reply(404, { message: 'Not Found' });
  } else {
    scope.get(`${R}/contents/.github%2Fprivacy-review.yml`).reply(200, m.config, { 'content-type': 'text/plain' });
  }
  if (m.stopAfterConfig) return scope;
  if (!m.noAnalysis) {
    scope
      .get(`${R}/compare/${BASE_SHA}...${head}`)
      .query(true)
      .reply(200, {
        merge_base_commit: { sha: MERGE_BASE },
        files: [{ filename: 'src/services/signup.ts', status: 'modified' }],
        commits: [],
      });
    scope.get(`${R}/tarball/${MERGE_BASE}`).reply(200, m.tarballs?.base ?? Buffer.alloc(0), { 'content-type': 'application/x-gzip' });
    scope.get(`${R}/tarball/${head}`).reply(200, m.tarballs?.head ?? Buffer.alloc(0), { 'content-type': 'application/x-gzip' });
  } else {
    scope
      .get(`${R}/compare/${BASE_SHA}...${head}`)
      .query(true)
      .reply(200, {
        merge_base_commit: { sha: MERGE_BASE },
        files: [{ filename: 'src/services/signup.ts', status: 'modified' }],
        commits: [],
      });
  }
  scope
    .get(`${R}/pulls/7/reviews`)
    .query(true)
    .reply(200, m.reviews ?? []);
  scope
    .get(`${R}/issues/7/comments`)
    .query(true)
    .reply(200, m.comments ?? []);
  scope
    .get(`${R}/pulls/7/commits`)
    .query(true)
    .reply(
      200,
      (m.commits ?? [head]).map((sha) => ({ sha })),
    );
  const shas = new Set([...(m.commits ?? [head]), ...(m.reviews ?? []).map((r) => r.commit_id as string), head]);
  for (const sha of shas) {
    scope
      .get(`${R}/commits/${sha}/check-runs`)
      .query(true)
      .reply(200, { total_count: (m.runs?.[sha] ?? []).length, check_runs: m.runs?.[sha] ?? [] });
  }
  for (const lookup of m.teamLookups ?? []) {
    const [org, slug, login] = lookup.split('/');
    const state = m.teams?.[lookup];
    scope
      .get(`/orgs/${org}/teams/${slug}/memberships/${login}`)
      .reply(state ? 200 : 404, state ? { state, role: 'member' } : { message: 'Not Found' });
  }
  scope.get(`${R}/pulls/7`).reply(200, m.pullAfter ?? pull);
  if (m.commentCreate) {
    scope
      .post(`${R}/issues/7/comments`, (b) => (cap.commentCreates.push(b), true))
      .reply(201, { id: 3001, html_url: `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-3001` });
  }
  if (m.commentUpdate !== undefined) {
    scope
      .patch(`${R}/issues/comments/${m.commentUpdate}`, (b) => (cap.commentUpdates.push({ id: m.commentUpdate!, body: b }), true))
      .reply(200, { id: m.commentUpdate, html_url: `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${m.commentUpdate}` });
  }
  if (m.labelAdd) scope.post(`${R}/issues/7/labels`, (b) => (cap.labelsAdded.push(b), true)).reply(200, []);
  if (m.labelRemove) {
    scope
      .delete(`${R}/issues/7/labels/${encodeURIComponent(m.labelRemove)}`)
      .reply(200, () => (cap.labelsRemoved.push(m.labelRemove!), []));
  }
  if (m.requestReviewers) scope.post(`${R}/pulls/7/requested_reviewers`, (b) => (cap.reviewRequests.push(b), true)).reply(201, {});
  return scope;
}

/** One of the App's check runs as GET /commits/{sha}/check-runs lists it. */
export function checkRun(id: number, sha: string, extra: Json = {}): Json {
  return {
    id,
    name: 'Privacy review',
    head_sha: sha,
    status: 'completed',
    conclusion: 'action_required',
    external_id: '',
    started_at: '2024-05-01T12:00:00Z',
    completed_at: '2024-05-01T12:01:00Z',
    html_url: `https://github.com/${OWNER}/${REPO}/runs/${id}`,
    app: { id: APP_ID, slug: 'privacy-review' },
    output: { title: 't', summary: 's', text: null, annotations_count: 0 },
    ...extra,
  };
}

/** An issue comment as GET /issues/7/comments lists it. */
export function comment(id: number, login: string, body: string, extra: Json = {}): Json {
  const type = login === BOT ? 'Bot' : 'User';
  return {
    id,
    body,
    user: user(login, type),
    created_at: '2024-05-01T12:10:00Z',
    updated_at: '2024-05-01T12:10:00Z',
    html_url: `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${id}`,
    ...extra,
  };
}

export function review(id: number, login: string, state: string, commit = HEAD_SHA, at = '2024-05-01T12:20:00Z'): Json {
  return {
    id,
    user: user(login),
    state,
    commit_id: commit,
    submitted_at: at,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/7#pullrequestreview-${id}`,
  };
}

export { BASE_SHA, HEAD_SHA, MERGE_BASE };

/** A completed run of the App that reviewed `fingerprint`, with its ledger (as the App writes it). */
export function reviewedRun(
  id: number,
  sha: string,
  fingerprint: string,
  extra: {
    asked?: string[];
    clicks?: Json[];
    withdrawals?: Json[];
    requested?: boolean;
    reviewedAt?: string;
    annotations?: number;
    conclusion?: string;
  } = {},
): Json {
  const ledger = encodeLedger({
    v: 1,
    fingerprint,
    reviewedAt: extra.reviewedAt ?? '2024-05-01T12:01:00Z',
    asked: extra.asked ?? [],
    clicks: (extra.clicks ?? []) as never,
    withdrawals: (extra.withdrawals ?? []) as never,
    requested: extra.requested ?? true,
  });
  return checkRun(id, sha, {
    external_id: fingerprint,
    conclusion: extra.conclusion ?? 'action_required',
    output: {
      title: 'Privacy approval required',
      summary: 'summary',
      text: `## Approval audit trail\n\n${ledger}`,
      annotations_count: extra.annotations ?? 1,
    },
  });
}
