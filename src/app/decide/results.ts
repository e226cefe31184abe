import { formatProblem, type ConfigError } from '../../config/errors.js';
import type { Mode } from '../config/types.js';
import { APP_CONFIG_PATH } from '../constants.js';
import type { CheckResult } from '../github/checks.js';
import { errorOutcome } from '../present/conclusion.js';

/** Check run results that do not depend on a review: the pull request moved on, or could not be reviewed. */

export function superseded(): CheckResult {
  return {
    conclusion: 'neutral',
    title: 'Superseded by a newer commit',
    summary: 'A newer push to this pull request is reviewed instead.',
  };
}

export function closed(): CheckResult {
  return { conclusion: 'neutral', title: 'Pull request closed', summary: 'The pull request was closed before the review finished.' };
}

export function draft(): CheckResult {
  return {
    conclusion: 'neutral',
    title: 'Draft pull request: not reviewed yet',
    summary: `The privacy review runs when the pull request is marked ready for review (\`drafts: review\` in ${APP_CONFIG_PATH} reviews drafts too).`,
  };
}

/** The configuration is invalid: what is wrong and where, with links to the lines on the default branch. */
export function configFailure(e: ConfigError, blobBase: string): CheckResult {
  const lines = e.problems.slice(0, 50).map((p) => {
    const own = !p.file.includes(':');
    const where = own ? `[\`${p.file}:${p.line}\`](${blobBase}/${p.file}#L${p.line})` : `\`${p.file}:${p.line}\``;
    return `- ${where}: ${formatProblem(p).slice(`${p.file}:${p.line}:${p.column}: `.length)}`;
  });
  const first = e.problems[0];
  return {
    conclusion: 'failure',
    title: `Invalid configuration: ${first ? `${first.file}:${first.line}: ${first.message}` : 'see details'}`.slice(0, 120),
    summary: [
      `The repository configuration cannot be used, so this pull request was not reviewed.`,
      '',
      ...lines,
      '',
      `Fix it on the default branch (the configuration is read from there, so that a pull request cannot change its own rules), then push or use **Re-run**.`,
    ].join('\n'),
    actions: [...errorOutcome('block').actions],
  };
}

/** The review could not be made: why, and that nothing was decided; `cause` is the short form for the title (a rate limit's reset). */
export function notCompleted(mode: Mode | undefined, reason: string, cause?: string): CheckResult {
  return {
    ...errorOutcome(mode, cause),
    summary:
      `The privacy review of this commit could not be completed: ${reason}.\n\n` +
      'Nothing was decided about this pull request. Use **Re-run** above (or re-run the check from the Checks tab). ' +
      'If it keeps failing, the App’s logs have the details.',
  };
}

/** A stale run of the head: the result this job published, pointing to where it is. */
export function replacedBy(outcome: Pick<CheckResult, 'conclusion' | 'title'>, detailsUrl: string): CheckResult {
  return {
    conclusion: outcome.conclusion,
    title: outcome.title,
    summary:
      'This run stopped before it finished. A newer run of the privacy review of this commit has the result (the same conclusion), its checklist and its approvals.',
    detailsUrl,
  };
}

/** A stale run of an earlier commit: it never finished, and nothing was decided for that commit. */
export function unfinished(mode: Mode | undefined): CheckResult {
  return {
    ...errorOutcome(mode, 'it did not finish'),
    summary:
      'This run stopped before it finished (GitHub did not accept its result). A newer commit of this pull request is reviewed instead; use **Re-run** to review this commit again.',
  };
}
