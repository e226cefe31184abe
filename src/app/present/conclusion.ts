import type { Decision } from '../../review/types.js';
import type { ApprovalState } from '../approval/types.js';
import type { Mode } from '../config/types.js';
import { ACTIONS } from '../constants.js';

export type Conclusion = 'success' | 'action_required' | 'failure' | 'neutral';
export type CheckAction = { label: string; identifier: string; description: string };

export interface Outcome {
  conclusion: Conclusion;
  title: string;
  actions: CheckAction[];
  /** The pull request waits on someone (label it). */
  needsAttention: boolean;
  /** The privacy reviewers should be asked for a review. */
  askReviewers: boolean;
}

const MAX_TITLE = 120;

/**
 * The check run's conclusion from the verdict, the approvals and the mode. An approval of the
 * current fingerprint turns `review_required` into `success`; it never overrides `fail` (an invalid
 * manifest or a high-severity personal-data log is fixed, not approved). Warn mode reports the same
 * but concludes `neutral`, which does not block merging.
 */
export function decideOutcome(decision: Decision, reasons: readonly string[], approval: ApprovalState | undefined, mode: Mode): Outcome {
  const first = reasons[0] ?? '';
  if (decision === 'pass') {
    return { conclusion: 'success', title: cut(`Passed: ${first}`), actions: [], needsAttention: false, askReviewers: false };
  }
  if (decision === 'review_required') {
    if (approval?.approved) {
      const who = approval.current.map((a) => `@${a.reviewer}`).join(', ');
      return { conclusion: 'success', title: cut(`Approved by ${who}`), actions: [], needsAttention: false, askReviewers: false };
    }
    const waiting = approval && approval.required > 1 ? ` (${approval.current.length} of ${approval.required} approvals)` : '';
    return {
      conclusion: mode === 'block' ? 'action_required' : 'neutral',
      title: cut(`${mode === 'block' ? 'Privacy approval required' : 'Privacy review suggested (warn mode)'}${waiting}: ${first}`),
      actions: [{ ...ACTIONS.approve }],
      needsAttention: true,
      askReviewers: true,
    };
  }
  return {
    conclusion: mode === 'block' ? 'failure' : 'neutral',
    title: cut(`${mode === 'block' ? 'Failed' : 'Failed (warn mode)'}: ${first}`),
    actions: [],
    needsAttention: true,
    askReviewers: false,
  };
}

/**
 * The review could not be made (download, limits, timeout, GitHub errors): say so, with the short
 * `cause` when there is one a person can act on (a rate limit's reset time), and offer a re-run.
 */
export function errorOutcome(mode: Mode | undefined, cause?: string): Pick<Outcome, 'conclusion' | 'title' | 'actions'> {
  return {
    conclusion: mode === 'warn' ? 'neutral' : 'failure',
    title: cut(`The privacy review could not run${cause ? `: ${cause}` : ''}`),
    actions: [{ ...ACTIONS.rerun }],
  };
}

function cut(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
