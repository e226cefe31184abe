import type { PendingClick, Withdrawal } from '../../../src/app/approval/types.js';
import { mergeAppConfig, parseAppConfigFile } from '../../../src/app/config/parse.js';
import type { AppConfig } from '../../../src/app/config/types.js';
import { decide } from '../../../src/app/decide/decide.js';
import type { Analysis, Facts } from '../../../src/app/decide/facts.js';
import { checkResult, type Plan } from '../../../src/app/decide/plan.js';
import type { CheckResult } from '../../../src/app/github/checks.js';
import type { Octokit } from '../../../src/app/github/types.js';
import { FactsReader } from '../../../src/app/pipeline/facts-reader.js';
import { gatherFacts } from '../../../src/app/pipeline/gather.js';
import type { PrJob } from '../../../src/app/pipeline/job.js';
import { askedIds } from '../../../src/app/present/asked.js';
import type { Review } from '../../../src/review/types.js';
import { APP_ID, BOT, HEAD_SHA, INSTALLATION, OWNER, REPO, pullObject } from '../helpers/payloads.js';

type Json = Record<string, any>;

/** What GitHub shows about PR #7 (as its API answers), and what the webhooks brought. */
export interface World {
  /** `.github/privacy-review.yml` on the default branch. */
  config?: string;
  review: Review;
  /** The pull request when the job starts, and when it reads it again before publishing (default: the same). */
  pull?: Json;
  latest?: Json;
  reviews?: Json[];
  comments?: Json[];
  commits?: string[];
  /** The App's check runs per commit. */
  runs?: Record<string, Json[]>;
  /** Team memberships: `org/slug/login` → state; absent: 404. */
  teams?: Record<string, string>;
  /** The head's run a webhook started. */
  target?: number;
  clicks?: PendingClick[];
  withdrawals?: Withdrawal[];
}

export const NOW = new Date('2024-05-01T12:30:00Z');
export const PULL_URL = `https://github.com/${OWNER}/${REPO}/pull/7`;

/** A GitHub that answers the facts reader's reads from `world`, and counts them. */
export function fakeGitHub(world: World): { octokit: Octokit; requests: string[] } {
  const requests: string[] = [];
  const pull = world.pull ?? pullObject();
  const head = pull.head.sha as string;
  const read = <T>(name: string, data: T) => {
    requests.push(name);
    return Promise.resolve({ data });
  };
  const rest = {
    pulls: {
      get: () => read('pulls.get', world.latest ?? pull),
      listReviews: () => read('pulls.listReviews', world.reviews ?? []),
      listCommits: () =>
        read(
          'pulls.listCommits',
          (world.commits ?? [head]).map((sha) => ({ sha })),
        ),
    },
    issues: { listComments: () => read('issues.listComments', world.comments ?? []) },
    checks: {
      listForRef: ({ ref }: { ref: string }) =>
        read(`checks.listForRef ${ref.slice(0, 1)}`, { total_count: 0, check_runs: world.runs?.[ref] ?? [] }),
    },
    teams: {
      getMembershipForUserInOrg: ({ org, team_slug, username }: { org: string; team_slug: string; username: string }) => {
        const state = world.teams?.[`${org}/${team_slug}/${username}`];
        requests.push(`teams ${org}/${team_slug}/${username}`);
        return state ? Promise.resolve({ data: { state } }) : Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }));
      },
    },
  };
  const paginate = async (fn: (p: unknown) => Promise<{ data: unknown }>, params: unknown) => (await fn(params)).data;
  return { octokit: { rest, paginate } as unknown as Octokit, requests };
}

export function appConfig(text = 'reviewers: {users: [priv]}\n'): AppConfig {
  return mergeAppConfig([parseAppConfigFile(text, '.github/privacy-review.yml')]);
}

export function analysisOf(review: Review): Analysis {
  return { review, prepared: { checklist: '## Checklist' }, asked: askedIds(review) };
}

/** The facts as the job gathers them from `world`, through the real facts reader. */
export async function gather(world: World, requests: string[] = []): Promise<Facts> {
  const { octokit, requests: made } = fakeGitHub(world);
  const pull = world.pull ?? pullObject();
  const job: PrJob = {
    installationId: INSTALLATION,
    pr: { owner: OWNER, repo: REPO, number: 7 },
    started: world.target !== undefined ? [{ sha: pull.head.sha, id: world.target }] : [],
    clicks: world.clicks ?? [],
    withdrawals: world.withdrawals ?? [],
    reanalyze: false,
    events: [],
  };
  const reader = new FactsReader(octokit, job.pr, APP_ID, {
    trees: () => Promise.reject(new Error('no analysis here')),
    limits: {} as never,
  });
  const me = { id: APP_ID, slug: 'privacy-review', botLogin: BOT };
  const facts = await gatherFacts(
    reader,
    { job, pull: pull as never, config: appConfig(world.config), me, target: world.target, started: job.started.map((s) => s.id) },
    new AbortController().signal,
  );
  requests.push(...made);
  return facts;
}

/** The plan for `world`, and the check run's result as published (no comment URL, no new review request). */
export async function planFor(world: World): Promise<{ plan: Plan; result: CheckResult; requests: string[] }> {
  const requests: string[] = [];
  const facts = await gather(world, requests);
  const plan = decide(facts, analysisOf(world.review), world.clicks ?? [], NOW);
  return { plan, result: checkResult(plan, { requested: false }), requests };
}

export { HEAD_SHA };
