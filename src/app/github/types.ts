import type { ProbotOctokit } from 'probot';

/** An installation-authenticated client (Probot's: `octokit.rest.*`, throttling and retries included). */
export type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRef extends RepoRef {
  number: number;
}
