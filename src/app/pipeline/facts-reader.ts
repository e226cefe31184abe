import { loadAppConfig } from '../config/load.js';
import type { Analysis } from '../decide/facts.js';
import type { AppConfig } from '../config/types.js';
import { compareCommits, type Comparison } from '../github/compare.js';
import { loadHistory, type History } from '../github/history.js';
import { getPull, listComments, listReviews, recentCommits, type IssueComment, type Pull, type PullReview } from '../github/pulls.js';
import { teamMemberships } from '../github/teams.js';
import type { Octokit, PullRef, RepoRef } from '../github/types.js';
import { analyze, type AnalyzeDeps, type AnalyzeInput } from './analyze.js';

/**
 * What GitHub says about one pull request, read on first use and kept for the job: a fact the
 * job never needs (a draft, a closed pull request) is never requested, and one needed twice is
 * requested once. `latestPull` is the exception: it reads the pull request again, once, just before
 * the job publishes (a push while it ran).
 */
export class FactsReader {
  private readonly memo = new Map<string, Promise<unknown>>();
  readonly repo: RepoRef;

  constructor(
    private readonly octokit: Octokit,
    readonly pr: PullRef,
    private readonly appId: number,
    private readonly trees: AnalyzeDeps,
  ) {
    this.repo = { owner: pr.owner, repo: pr.repo };
  }

  pull(): Promise<Pull> {
    return this.once('pull', () => getPull(this.octokit, this.pr));
  }

  latestPull(): Promise<Pull> {
    return this.once('latest-pull', () => getPull(this.octokit, this.pr));
  }

  /** The repository configuration from the default branch (a ConfigError when it is invalid). */
  config(): Promise<AppConfig> {
    return this.once('config', () => loadAppConfig(this.octokit, this.repo));
  }

  /** Merge base, changed files and renames of `base...head`. */
  comparison(base: string, head: string): Promise<Comparison> {
    return this.once(`compare:${base}...${head}`, () => compareCommits(this.octokit, this.repo, base, head));
  }

  /** Both trees downloaded and reviewed (the download is I/O here; the review runs where `trees` says). */
  analysis(input: AnalyzeInput, signal: AbortSignal): Promise<Analysis> {
    return this.once(`analysis:${input.comparison.mergeBase}...${input.headSha}`, () => analyze(this.octokit, this.trees, input, signal));
  }

  reviews(): Promise<PullReview[]> {
    return this.once('reviews', () => listReviews(this.octokit, this.pr));
  }

  comments(): Promise<IssueComment[]> {
    return this.once('comments', () => listComments(this.octokit, this.pr));
  }

  /** The pull request's newest commits. */
  commits(): Promise<string[]> {
    return this.once('commits', () => recentCommits(this.octokit, this.pr));
  }

  /** The App's check runs on these commits, with their fingerprints and ledgers. */
  history(shas: readonly string[]): Promise<History> {
    const unique = [...new Set(shas)];
    return this.once(`history:${[...unique].sort().join(',')}`, () => loadHistory(this.octokit, this.repo, unique, this.appId));
  }

  /** Per lower-case login, the listed teams (`org/slug`) the person is an active member of. */
  teams(logins: readonly string[], teams: readonly string[]): Promise<Map<string, string[]>> {
    return this.once(`teams:${logins.map((l) => l.toLowerCase()).join(',')}:${teams.join(',')}`, () =>
      teamMemberships(this.octokit, logins, teams),
    );
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = read();
      this.memo.set(key, hit);
    }
    return hit;
  }
}
