import { isStatus } from './errors.js';
import type { Octokit, PullRef } from './types.js';

/** Put the label on or take it off (pull request labels go through the issues API). */
export async function syncLabel(
  octokit: Octokit,
  pr: PullRef,
  name: string,
  want: boolean,
  current: readonly string[],
): Promise<'added' | 'removed' | 'none'> {
  const has = current.some((l) => l.toLowerCase() === name.toLowerCase());
  if (want && !has) {
    await octokit.rest.issues.addLabels({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, labels: [name] });
    return 'added';
  }
  if (!want && has) {
    try {
      await octokit.rest.issues.removeLabel({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, name });
    } catch (e) {
      if (!isStatus(e, 404)) throw e; // someone removed it meanwhile
    }
    return 'removed';
  }
  return 'none';
}
