import type { PendingClick } from '../approval/types.js';
import type { AppConfig } from '../config/types.js';
import type { Analysis, Facts } from '../decide/facts.js';
import { teamLookups } from '../decide/signals.js';
import type { Pull } from '../github/pulls.js';
import type { AppIdentity } from '../identity.js';
import { analysisKey, type AnalysisCache } from './analyze.js';
import type { FactsReader } from './facts-reader.js';
import type { PrJob } from './job.js';

/** The review of the pull request's change: cached per commit pair and configuration, unless a re-run asks for a fresh one. */
export async function gatherAnalysis(
  reader: FactsReader,
  cache: AnalysisCache,
  job: PrJob,
  pull: Pull,
  config: AppConfig,
  signal: AbortSignal,
): Promise<Analysis> {
  const head = pull.head.sha;
  const comparison = await reader.comparison(pull.base.sha, head);
  const key = analysisKey(pull.base.repo.id, comparison.mergeBase, head, config);
  let analysis = job.reanalyze ? undefined : cache.get(key);
  if (!analysis) {
    analysis = await reader.analysis(
      {
        repo: reader.repo,
        repoUrl: pull.base.repo.html_url,
        baseRef: pull.base.ref,
        headRef: pull.head.ref,
        headSha: head,
        comparison,
        config,
      },
      signal,
    );
    cache.set(key, analysis);
  }
  signal.throwIfAborted();
  return analysis;
}

export interface GatherInput {
  job: PrJob;
  pull: Pull;
  config: AppConfig;
  me: AppIdentity;
  /** The head's run a webhook started for this job, and every run the job's webhooks started. */
  target: number | undefined;
  started: readonly number[];
  staleAfterMs?: number;
}

/**
 * The facts the decision reads: reviews, comments, the App's check runs on the pull request's
 * commits (and the commits reviews and clicks name), the team memberships of the people who tried
 * to approve, and the pull request once more, just before publishing.
 */
export async function gatherFacts(reader: FactsReader, input: GatherInput, signal: AbortSignal): Promise<Facts> {
  const { job, pull } = input;
  const head = pull.head.sha;
  const [reviews, comments, commits] = await Promise.all([reader.reviews(), reader.comments(), reader.commits()]);
  const history = await reader.history(
    [...commits, ...reviews.map((r) => r.commit_id ?? ''), ...job.clicks.map((c: PendingClick) => c.sha), head].filter(Boolean),
  );
  const known = {
    pull: { author: pull.user.login, owner: reader.repo.owner, headSha: head, htmlUrl: pull.html_url },
    settings: input.config.settings,
    botLogin: input.me.botLogin,
    reviews,
    comments,
    history,
    ...(input.target !== undefined ? { target: input.target } : {}),
    started: input.started,
    withdrawals: job.withdrawals,
    ...(input.staleAfterMs !== undefined ? { staleAfterMs: input.staleAfterMs } : {}),
  };
  const teams = await reader.teams(teamLookups(known, job.clicks), input.config.settings.reviewers.teams);
  // A push while this ran: the newer job writes the pull request's comment and label.
  signal.throwIfAborted();
  const latest = await reader.latestPull();
  return {
    ...known,
    teams,
    latest: {
      headSha: latest.head.sha,
      open: latest.state === 'open',
      labels: latest.labels.map((l) => l.name),
      requestedUsers: (latest.requested_reviewers ?? []).map((u) => u.login),
      requestedTeams: (latest.requested_teams ?? []).map((t) => t.slug),
    },
  };
}
