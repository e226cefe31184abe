import { COMMENT_MARKER } from '../constants.js';
import { findSticky, type CommentLike } from '../present/sticky.js';
import type { Octokit, PullRef } from './types.js';

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url?: string;
}

/**
 * Post the App's one comment, or update it in place. Found by the marker and the App's bot login
 * (a person's comment quoting the marker is never edited); not written when the body is the same,
 * and not created when `create` is false (a review that passes on a pull request without one).
 */
export async function upsertSticky(
  octokit: Octokit,
  pr: PullRef,
  botLogin: string,
  body: string,
  comments: readonly (CommentLike & { html_url: string })[],
  options: { create: boolean } = { create: true },
): Promise<StickyResult> {
  const existing = findSticky(comments, botLogin, COMMENT_MARKER);
  if (existing && existing.body === body) return { action: 'unchanged', url: existing.html_url };
  // Nothing to say on a pull request that never needed a review: no comment at all.
  if (!existing && !options.create) return { action: 'skipped' };
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
  return { action: 'created', url: data.html_url };
}
