import type { Probot } from 'probot';
import { listCheckRuns, startCheckRun } from '../github/checks.js';
import { describeError } from '../github/errors.js';
import type { Octokit, PullRef } from '../github/types.js';
import type { AppIdentity } from '../identity.js';
import { jobKey, jobRunShas, type PrJob } from '../pipeline/job.js';
import type { Log } from '../pipeline/run-job.js';
import type { JobQueue } from '../queue/types.js';
import { CheckRunWindow, type CheckRunSlot, type SlotTaken } from './check-run-window.js';
import { route } from './routes.js';

export const EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
  'pull_request.edited',
  'pull_request_review.submitted',
  'pull_request_review.dismissed',
  'issue_comment.created',
  'issue_comment.edited',
  'issue_comment.deleted',
  'check_run.requested_action',
  'check_run.rerequested',
  'check_suite.rerequested',
] as const;

export interface HandlerDeps {
  queue: JobQueue<PrJob>;
  identity(): Promise<AppIdentity>;
  log: Log;
  now(): Date;
  /** Who starts the in-progress check run of a slot (default: this process's CheckRunWindow; several processes share one in Redis). */
  checkRuns?: { take(slot: CheckRunSlot): SlotTaken | Promise<SlotTaken> };
}

/**
 * Webhooks only decide, show an in-progress check when there is something to analyze, and enqueue:
 * GitHub wants an answer within ten seconds, the review takes longer. Probot answers a delivery
 * once its handlers have returned, so nothing here waits for more than the App's identity (cached):
 * the in-progress check run is requested without waiting, and the job waits for it. A redelivered
 * webhook (same X-GitHub-Delivery) is dropped by the queue, and one for a head commit whose job is
 * already queued or running does not start a second check run.
 */
export function registerHandlers(app: Probot, deps: HandlerDeps): void {
  const checkRuns = deps.checkRuns ?? new CheckRunWindow({ now: () => deps.now().getTime() });
  app.on([...EVENTS], async (context) => {
    const me = await deps.identity();
    const name = context.name;
    const decision = route(name, context.payload, me);
    const ids = { delivery: context.id, event: `${name}.${String((context.payload as { action?: string }).action ?? '')}` };
    if (decision.kind === 'ignore') {
      deps.log.debug({ ...ids, reason: decision.reason }, 'webhook ignored');
      return;
    }
    const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
    if (!installationId) {
      deps.log.warn(ids, 'webhook without an installation');
      return;
    }
    const { owner, repo } = context.repo();
    const octokit = context.octokit;
    const numbers = decision.numbers.length ? decision.numbers : await pullsForCommit(octokit, owner, repo, decision.sha);
    if (!numbers.length) {
      deps.log.info(ids, 'no open pull request for this commit');
      return;
    }
    for (const number of numbers) {
      const pr: PullRef = { owner, repo, number };
      const key = jobKey(pr);
      const job: PrJob = {
        installationId,
        pr,
        ...(decision.sha ? { headSha: decision.sha } : {}),
        ...(decision.baseSha ? { baseSha: decision.baseSha } : {}),
        ...(decision.headAt ? { headAt: decision.headAt } : {}),
        started: [],
        clicks: decision.click && decision.sha ? [{ ...decision.click, sha: decision.sha, at: deps.now().toISOString() }] : [],
        withdrawals: decision.withdrawal ? [decision.withdrawal] : [],
        reanalyze: decision.reanalyze,
        events: [ids.event],
      };
      const claim = deps.queue.claimDelivery(`${context.id}#${number}`);
      if (!(claim instanceof Promise ? await claim : claim)) {
        deps.log.info({ ...ids, pr: number }, 'redelivered webhook dropped');
        continue;
      }
      // The same head is already being reviewed, or its check run belongs to a job already (a late
      // delivery): no second in-progress check run. The in-process queue answers at once and its
      // answers are not awaited, so nothing yields from here to enqueue and a webhook arriving
      // meanwhile sees this one's job; the shared queue holds the check-run slot in Redis instead.
      const peeked = deps.queue.peek(key);
      const { queued, running } = peeked instanceof Promise ? await peeked : peeked;
      const covered = [queued, running].some(
        (p) =>
          p &&
          (p.headSha === decision.sha || (decision.sha !== undefined && jobRunShas(p).includes(decision.sha))) &&
          (decision.baseSha === undefined || p.baseSha === decision.baseSha),
      );
      // A replayed delivery (fresh id, same payload) re-evaluates but adds no check run.
      const wants = decision.startCheck && decision.sha !== undefined && !(covered && !decision.reanalyze);
      const slot = wants
        ? checkRuns.take({ pr: key, headSha: decision.sha!, ...(decision.baseSha ? { baseSha: decision.baseSha } : {}), event: ids.event })
        : false;
      const taken = slot instanceof Promise ? await slot : slot;
      if (decision.sha && taken) {
        const sha = decision.sha;
        const start = () => startCheckRun(octokit, { owner, repo }, sha, deps.now());
        // Handled again after a process died: the run it started, if any, is the one to complete.
        const id = (
          taken === 'again'
            ? listCheckRuns(octokit, { owner, repo }, sha, me.id).then((runs) => runs.find((r) => r.status !== 'completed')?.id ?? start())
            : start()
        ).catch((e: unknown) => {
          deps.log.warn({ ...ids, pr: number, reason: describeError(e) }, 'could not create the check run');
          return undefined;
        });
        job.starting = [{ sha, id }];
      }
      const enqueued = deps.queue.enqueue({ key, payload: job });
      const result = enqueued instanceof Promise ? await enqueued : enqueued;
      deps.log.info({ ...ids, pr: number, queue: result }, 'privacy review enqueued');
    }
  });
}

/** Open pull requests whose head is this commit (check events of forked pull requests list none). */
async function pullsForCommit(octokit: Octokit, owner: string, repo: string, sha: string | undefined): Promise<number[]> {
  if (!sha) return [];
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
  return data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
}
