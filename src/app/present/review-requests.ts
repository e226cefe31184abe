import type { AppSettings } from '../config/types.js';

export interface RequestState {
  author: string;
  owner: string;
  /** Logins and team slugs with a pending request now. */
  requestedUsers: readonly string[];
  requestedTeams: readonly string[];
  /** Logins who have reviewed already. */
  reviewed: readonly string[];
  /** The App asked before on this pull request (recorded in its check runs): never ask twice. */
  askedBefore: boolean;
}

export interface ReviewRequest {
  reviewers: string[];
  team_reviewers: string[];
}

/**
 * Whom to ask for a review, once per pull request: the listed users (not the author, not those
 * already asked or who reviewed) and the listed teams of the repository's organisation (GitHub
 * can only request teams of the owner). Undefined when there is nobody to ask.
 */
export function reviewRequest(settings: AppSettings, state: RequestState): ReviewRequest | undefined {
  if (state.askedBefore) return undefined;
  const lower = (s: string) => s.toLowerCase();
  const skip = new Set([state.author, ...state.requestedUsers, ...state.reviewed].map(lower));
  const reviewers = [...new Set(settings.reviewers.users.filter((u) => !skip.has(lower(u))))];
  const requestedTeams = new Set(state.requestedTeams.map(lower));
  const team_reviewers = settings.reviewers.teams
    .map((t) => t.split('/') as [string, string])
    .filter(([org, slug]) => lower(org) === lower(state.owner) && !requestedTeams.has(lower(slug)))
    .map(([, slug]) => slug);
  return reviewers.length || team_reviewers.length ? { reviewers, team_reviewers } : undefined;
}
