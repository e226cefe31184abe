import { checkResult, staleResult, type Plan, type Published } from '../app/decide/plan.js';
import type { CommentFact } from '../app/decide/facts.js';
import { completeCheckRun } from '../app/github/checks.js';
import { upsertSticky } from '../app/github/comment.js';
import { describeError } from '../app/github/errors.js';
import { syncLabel } from '../app/github/labels.js';
import { requestReviewers } from '../app/github/reviewers.js';
import type { Octokit, PullRef } from '../app/github/types.js';
import type { ActionLog } from './log.js';

export interface ActionPublishContext {
  octokit: Octokit;
  pr: PullRef;
  botLogin: string;
  comments: readonly CommentFact[];
  /** The run this job started for the head. */
  runId: number;
  /** `comment: false`: no sticky comment (the job summary and the check run still have the checklist). */
  comment: boolean;
  log: ActionLog;
  now: () => Date;
}

/**
 * Apply the App's plan with the workflow's token, in the App's order: the sticky comment, the
 * label and the review request, then the check run (linking to the comment), then stale runs.
 * A review request GitHub refuses is a warning: the comment still names the reviewers.
 */
export async function publishAsWorkflow(ctx: ActionPublishContext, plan: Plan): Promise<Published> {
  const repo = { owner: ctx.pr.owner, repo: ctx.pr.repo };
  const published: Published = { requested: false };
  const writes = plan.pullRequest;
  if (writes) {
    if (ctx.comment) {
      const sticky = await upsertSticky(ctx.octokit, ctx.pr, ctx.botLogin, writes.comment.body, ctx.comments, {
        create: writes.comment.create,
      });
      if (sticky.url) published.commentUrl = sticky.url;
    }
    if (writes.label) await syncLabel(ctx.octokit, ctx.pr, writes.label.name, writes.label.want, writes.label.current);
    if (writes.request) {
      try {
        await requestReviewers(ctx.octokit, ctx.pr, writes.request);
        published.requested = true;
      } catch (e) {
        ctx.log.warning(`could not request the privacy reviewers: ${describeError(e)}`);
      }
    }
  }
  await completeCheckRun(ctx.octokit, repo, plan.check.id ?? ctx.runId, checkResult(plan, published), ctx.now());
  for (const stale of plan.stale) {
    await completeCheckRun(ctx.octokit, repo, stale.run.id, staleResult(stale, plan, published), ctx.now()).catch((e: unknown) =>
      ctx.log.warning(`could not complete an unfinished check run: ${describeError(e)}`),
    );
  }
  return published;
}
