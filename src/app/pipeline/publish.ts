import { checkResult, staleResult, type Plan, type Published } from '../decide/plan.js';
import type { CommentFact } from '../decide/facts.js';
import { updateCheckText, type CheckResult } from '../github/checks.js';
import { upsertSticky } from '../github/comment.js';
import { describeError } from '../github/errors.js';
import { syncLabel } from '../github/labels.js';
import { requestReviewers } from '../github/reviewers.js';
import type { Octokit, PullRef } from '../github/types.js';
import type { Log } from './deps.js';

export interface PublishContext {
  octokit: Octokit;
  pr: PullRef;
  botLogin: string;
  /** The comments the facts were gathered from: the App's sticky comment is among them. */
  comments: readonly CommentFact[];
  /** Complete a run (the job keeps track of the runs it completed). */
  complete(id: number, result: CheckResult): Promise<void>;
  /** A new in-progress run for the head, when the plan names none. */
  startRun(): Promise<number>;
  log: Log;
  ids: object;
}

/** Click records on older runs: written even when the job is then stopped (GitHub keeps no other record of a click). */
export async function publishLedgerUpdates(ctx: Pick<PublishContext, 'octokit' | 'pr'>, plan: Plan): Promise<void> {
  for (const u of plan.ledgerUpdates) await updateCheckText(ctx.octokit, { owner: ctx.pr.owner, repo: ctx.pr.repo }, u.run, u.text);
}

/**
 * Apply a plan: the pull request's comment, label and review request, then the check run (which
 * links to the comment and records whether the reviewers were asked), then the stale runs. A
 * review request GitHub refuses is logged, not fatal: the comment still names the reviewers.
 */
export async function publishPlan(ctx: PublishContext, plan: Plan): Promise<Published> {
  const published: Published = { requested: false };
  const writes = plan.pullRequest;
  if (writes) {
    const sticky = await upsertSticky(ctx.octokit, ctx.pr, ctx.botLogin, writes.comment.body, ctx.comments, {
      create: writes.comment.create,
    });
    if (sticky.url) published.commentUrl = sticky.url;
    if (writes.label) await syncLabel(ctx.octokit, ctx.pr, writes.label.name, writes.label.want, writes.label.current);
    if (writes.request) {
      try {
        await requestReviewers(ctx.octokit, ctx.pr, writes.request);
        published.requested = true;
      } catch (e) {
        // E.g. a listed reviewer without access to the repository: the comment still names them.
        ctx.log.warn({ ...ctx.ids, reason: describeError(e) }, 'could not request privacy reviewers');
      }
    }
  }
  const runId = plan.check.id ?? (await ctx.startRun());
  await ctx.complete(runId, checkResult(plan, published));
  return published;
}

/** Runs an earlier job could not complete (GitHub refused the update): the head's get this job's result. */
export async function publishStale(ctx: PublishContext, plan: Plan, published: Published): Promise<void> {
  for (const stale of plan.stale) {
    await ctx.complete(stale.run.id, staleResult(stale, plan, published)).then(
      () => ctx.log.info({ ...ctx.ids, run: stale.run.id }, 'stale check run completed'),
      (e: unknown) => ctx.log.warn({ ...ctx.ids, run: stale.run.id, reason: describeError(e) }, 'could not complete a stale check run'),
    );
  }
}
