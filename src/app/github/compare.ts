import type { Octokit, RepoRef } from './types.js';

export interface Comparison {
  /** The commit the pull request's changes start from (GitHub's three-dot diff). */
  mergeBase: string;
  /** Renamed files, base path → head path. */
  renames: Map<string, string>;
  /** Changed paths (head side), as far as GitHub lists them. */
  changed: string[];
  /** False when GitHub's list stopped before the end (very large diffs). */
  complete: boolean;
}

/**
 * GitHub lists at most 300 changed files for a whole comparison, all on the first page whatever
 * `per_page` says (paging applies to the commits only): a list that long may have been cut.
 */
export const MAX_LISTED_FILES = 300;

/** Merge base, renames and changed files of `base...head` from the compare endpoint. */
export async function compareCommits(octokit: Octokit, repo: RepoRef, base: string, head: string): Promise<Comparison> {
  // one commit per page: the commits are not needed, the files come with the first page only
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1, page: 1 });
  const renames = new Map<string, string>();
  const changed: string[] = [];
  const files = data.files ?? [];
  for (const f of files) {
    changed.push(f.filename);
    if (f.status === 'renamed' && f.previous_filename) renames.set(f.previous_filename, f.filename);
  }
  return { mergeBase: data.merge_base_commit.sha, renames, changed, complete: files.length < MAX_LISTED_FILES };
}
