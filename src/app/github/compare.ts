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

const PER_PAGE = 100;
const MAX_PAGES = 30;

/** Merge base, renames and changed files of `base...head` from the compare endpoint (paged). */
export async function compareCommits(octokit: Octokit, repo: RepoRef, base: string, head: string): Promise<Comparison> {
  const renames = new Map<string, string>();
  const changed: string[] = [];
  let mergeBase = '';
  let complete = false;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: PER_PAGE, page });
    if (page === 1) mergeBase = data.merge_base_commit.sha;
    const files = data.files ?? [];
    for (const f of files) {
      changed.push(f.filename);
      if (f.status === 'renamed' && f.previous_filename) renames.set(f.previous_filename, f.filename);
    }
    if (files.length < PER_PAGE) {
      complete = true;
      break;
    }
  }
  return { mergeBase, renames, changed, complete };
}
