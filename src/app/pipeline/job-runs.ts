import type { Mode } from '../config/types.js';
import { notCompleted, superseded } from '../decide/results.js';
import { completeCheckRun, startCheckRun, type CheckResult } from '../github/checks.js';
import { describeError } from '../github/errors.js';
import { rateLimitOf, rateLimitTitle } from '../github/rate-limit.js';
import { bindBudget, RequestBudget, untilAborted } from '../github/request-budget.js';
import type { Octokit, RepoRef } from '../github/types.js';
import { JobAborted } from '../queue/types.js';
import type { JobDeps } from './deps.js';
import type { PrJob, StartedRun, StartingRun } from './job.js';

/** After the job's own time is spent: how long completing its check runs may still take. */
const CLOSING_MS = 30_000;

/**
 * The check runs one job answers for: every run its webhooks started is completed, whatever
 * happens: with the result, as superseded, or as a failure saying why.
 */
export class JobRuns {
  readonly repo: RepoRef;
  /** Every request of the job stops at the timeout, rate-limit waits included. */
  readonly budget: RequestBudget;
  /** Runs the webhooks started: created by now, or once their creation answered. */
  readonly started: StartedRun[];
  private readonly done = new Set<number>();
  private readonly awaited = new Set<StartingRun>();
  private octokit: Octokit | undefined;
  /** The head's run a webhook started: the result goes there. */
  target: number | undefined;
  private headSha: string | undefined;
  /** The repository's mode once known: a failure in warn mode is neutral. */
  mode: Mode | undefined;

  constructor(
    private readonly deps: JobDeps,
    private readonly job: PrJob,
    private readonly signal: AbortSignal,
    startedAt: number,
  ) {
    this.repo = { owner: job.pr.owner, repo: job.pr.repo };
    this.budget = new RequestBudget(signal, startedAt + deps.timeoutMs);
    this.started = [...job.started];
  }

  private get ids() {
    return { pr: this.job.pr.number, installation: this.job.installationId, events: this.job.events };
  }

  /** Wait for the runs still being created (their ids are needed), then authenticate. */
  async connect(): Promise<Octokit> {
    for (const s of this.job.starting ?? []) {
      const id = await untilAborted(s.id, this.signal);
      this.awaited.add(s);
      if (id !== undefined) this.started.push({ sha: s.sha, id });
    }
    this.octokit = await this.deps.auth(this.job.installationId);
    bindBudget(this.octokit, this.budget);
    return this.octokit;
  }

  /** The head is known: its newest started run is the target, every other started run is superseded. */
  async headIs(sha: string): Promise<void> {
    this.headSha = sha;
    this.target = this.started.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id)[0]?.id;
    for (const s of this.started) if (s.id !== this.target) await this.complete(s.id, superseded());
  }

  startedIds(): number[] {
    return this.started.map((s) => s.id);
  }

  /** A new in-progress run for the head. */
  startRun(): Promise<number> {
    return startCheckRun(this.octokit!, this.repo, this.headSha!, this.deps.now());
  }

  async complete(id: number, result: CheckResult): Promise<void> {
    await completeCheckRun(this.octokit!, this.repo, id, result, this.deps.now());
    this.done.add(id);
  }

  /** The job stopped: superseded runs say so, the others fail closed with the reason and a Re-run button. */
  async fail(e: unknown): Promise<void> {
    const { deps, job, signal, ids } = this;
    // The job's own budget may be spent (a timeout): its check runs get a short one of their own.
    this.budget.renew(CLOSING_MS);
    for (const s of job.starting ?? []) {
      if (this.awaited.has(s)) continue;
      const id = await untilAborted(s.id, this.budget.signal).catch(() => undefined);
      if (id !== undefined) this.started.push({ sha: s.sha, id });
    }
    // Stopped before it had a client (a timeout while waiting for its check run): one to complete it.
    if (!this.octokit && this.started.length) {
      this.octokit = await deps.auth(job.installationId).catch(() => undefined);
      if (this.octokit) bindBudget(this.octokit, this.budget);
    }
    if (!this.octokit) {
      deps.log.error({ ...ids, reason: describeError(e) }, 'privacy review could not start');
      return;
    }
    const aborted = e instanceof JobAborted ? e : signal.aborted && signal.reason instanceof JobAborted ? signal.reason : undefined;
    const open = [...new Set([...(this.target ? [this.target] : []), ...this.startedIds()])].filter((id) => !this.done.has(id));
    if (aborted?.reason === 'superseded') {
      for (const id of open) await this.complete(id, superseded()).catch(() => undefined);
      deps.log.info({ ...ids }, 'privacy review superseded by a newer push');
      return;
    }
    const reason =
      aborted?.reason === 'timeout' ? `it did not finish within ${Math.round(deps.timeoutMs / 60_000)} minutes` : describeError(e);
    deps.log.error({ ...ids, reason }, 'privacy review failed');
    if (!open.length && this.headSha) {
      const id = await this.startRun().catch(() => undefined);
      if (id) open.push(id);
    }
    const limit = aborted ? undefined : rateLimitOf(e);
    const result = notCompleted(this.mode, reason, limit && rateLimitTitle(limit));
    for (const id of open) {
      await this.complete(id, result).catch((err: unknown) =>
        deps.log.error({ ...ids, reason: describeError(err) }, 'could not report the failure on the check run'),
      );
    }
  }
}
