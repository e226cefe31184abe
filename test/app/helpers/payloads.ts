import { createRequire } from 'node:module';

/**
 * Real webhook payloads from @octokit/webhooks-examples, adjusted to one repository
 * (`acme/shop`), one installation and the people of these tests: `dev` writes the pull request,
 * `priv` is a listed privacy reviewer, `mallory` is neither.
 */
const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, any>[] }[];

export const OWNER = 'acme';
export const REPO = 'shop';
export const INSTALLATION = 4242;
export const APP_ID = 123;
export const BOT = 'privacy-review[bot]';
export const BASE_SHA = 'b'.repeat(40);
export const HEAD_SHA = 'a'.repeat(40);
export const MERGE_BASE = 'c'.repeat(40);

type Json = Record<string, any>;

export function example(name: string, action: string, index = 0): Json {
  const found = EXAMPLES.find((e) => e.name === name)?.examples.filter((x) => x.action === action)[index];
  if (!found) throw new Error(`no example ${name}.${action}`);
  return structuredClone(found);
}

export function user(login: string, type = 'User'): Json {
  return { login, id: login.length * 1000 + login.charCodeAt(0), type, site_admin: false, html_url: `https://github.com/${login}` };
}

function adjustRepo(p: Json): Json {
  p.repository = {
    ...p.repository,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { ...p.repository.owner, login: OWNER, type: 'Organization' },
    default_branch: 'main',
    id: 777,
  };
  p.installation = { id: INSTALLATION, node_id: 'x' };
  return p;
}

/** pull_request.<action> for PR #7 by `dev`, head HEAD_SHA on base BASE_SHA. */
export function pullRequestEvent(action: string, extra: { head?: string; draft?: boolean; author?: string; state?: string } = {}): Json {
  const p = adjustRepo(example('pull_request', action === 'edited' ? 'opened' : action));
  p.action = action;
  p.number = 7;
  p.sender = user(extra.author ?? 'dev');
  p.pull_request = pullObject(extra);
  if (action === 'edited') p.changes = { base: { ref: { from: 'develop' }, sha: { from: 'd'.repeat(40) } } };
  if (action === 'synchronize') {
    p.before = 'e'.repeat(40);
    p.after = extra.head ?? HEAD_SHA;
  }
  return p;
}

/** The pull request object as GET /repos/{o}/{r}/pulls/7 returns it (and payloads carry it). */
export function pullObject(
  extra: { head?: string; draft?: boolean; author?: string; state?: string; labels?: string[]; requested?: string[] } = {},
): Json {
  const pr = example('pull_request', 'opened').pull_request;
  const repository = {
    ...pr.base.repo,
    id: 777,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { ...pr.base.repo.owner, login: OWNER },
    html_url: `https://github.com/${OWNER}/${REPO}`,
    default_branch: 'main',
  };
  return {
    ...pr,
    number: 7,
    state: extra.state ?? 'open',
    draft: extra.draft ?? false,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/7`,
    user: user(extra.author ?? 'dev'),
    labels: (extra.labels ?? []).map((name, i) => ({ id: i + 1, name })),
    requested_reviewers: (extra.requested ?? []).map((l) => user(l)),
    requested_teams: [],
    head: { ...pr.head, sha: extra.head ?? HEAD_SHA, ref: 'feature', repo: repository },
    base: { ...pr.base, sha: BASE_SHA, ref: 'main', repo: repository },
  };
}

export function commentEvent(
  action: 'created' | 'edited' | 'deleted',
  body: string,
  login: string,
  extra: { id?: number; type?: string; from?: string } = {},
): Json {
  const p = adjustRepo(example('issue_comment', action));
  p.issue = { ...p.issue, number: 7, state: 'open', pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/7` } };
  p.comment = {
    ...p.comment,
    id: extra.id ?? 9001,
    body,
    user: user(login, extra.type),
    created_at: '2024-05-01T12:10:00Z',
    updated_at: '2024-05-01T12:10:00Z',
  };
  p.sender = user(login, extra.type);
  if (extra.from !== undefined) p.changes = { body: { from: extra.from } };
  return p;
}

export function reviewEvent(action: 'submitted' | 'dismissed', state: string, login: string, commit = HEAD_SHA): Json {
  const p = adjustRepo(example('pull_request_review', 'submitted'));
  p.action = action;
  p.pull_request = pullObject();
  p.review = { ...p.review, id: 555, state, user: user(login), commit_id: commit, submitted_at: '2024-05-01T12:20:00Z' };
  p.sender = user(login);
  return p;
}

export function checkRunEvent(
  action: 'requested_action' | 'rerequested',
  extra: { identifier?: string; sender?: string; runId?: number; appId?: number; pulls?: number[] } = {},
): Json {
  const p = adjustRepo(example('check_run', action));
  p.check_run = {
    ...p.check_run,
    id: extra.runId ?? 1,
    name: 'Privacy review',
    head_sha: HEAD_SHA,
    app: { ...(p.check_run.app ?? {}), id: extra.appId ?? APP_ID, slug: 'privacy-review' },
    pull_requests: (extra.pulls ?? [7]).map((number) => ({
      number,
      id: number,
      url: '',
      head: { sha: HEAD_SHA, ref: 'feature', repo: { id: 777 } },
      base: { sha: BASE_SHA, ref: 'main', repo: { id: 777 } },
    })),
  };
  if (action === 'requested_action') p.requested_action = { identifier: extra.identifier ?? 'approve' };
  p.sender = user(extra.sender ?? 'priv');
  return p;
}
