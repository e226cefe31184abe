import type { Octokit, PullRef } from './types.js';

/** Commits of a pull request whose check runs are read for the approval history (newest ones). */
export const HISTORY_COMMITS = 30;

export async function getPull(octokit: Octokit, pr: PullRef) {
  const { data } = await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return data;
}

export type Pull = Awaited<ReturnType<typeof getPull>>;

export async function listReviews(octokit: Octokit, pr: PullRef) {
  return octokit.paginate(octokit.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
}

export type PullReview = Awaited<ReturnType<typeof listReviews>>[number];

export async function listComments(octokit: Octokit, pr: PullRef) {
  return octokit.paginate(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
}

export type IssueComment = Awaited<ReturnType<typeof listComments>>[number];

/** The newest commits of the pull request (GitHub lists at most 250, oldest first). */
export async function recentCommits(octokit: Octokit, pr: PullRef, max = HISTORY_COMMITS): Promise<string[]> {
  const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  return commits.slice(-max).map((c) => c.sha);
}
