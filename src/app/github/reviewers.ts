import type { ReviewRequest } from '../present/review-requests.js';
import type { Octokit, PullRef } from './types.js';

export async function requestReviewers(octokit: Octokit, pr: PullRef, request: ReviewRequest): Promise<void> {
  await octokit.rest.pulls.requestReviewers({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    reviewers: request.reviewers,
    team_reviewers: request.team_reviewers,
  });
}
