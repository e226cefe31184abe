import { ConfigError } from '../../config/errors.js';
import type { AppConfig } from '../config/types.js';
import { decide } from '../decide/decide.js';
import { closed, configFailure, draft } from '../decide/results.js';
import { FactsReader } from './facts-reader.js';
import { gatherAnalysis, gatherFacts } from './gather.js';
import type { JobDeps } from './deps.js';
import { jobIsBehind, type PrJob } from './job.js';
import { JobRuns } from './job-runs.js';
import { publishLedgerUpdates, publishPlan, publishStale, type PublishContext } from './publish.js';

export type { JobDeps, Log } from './deps.js';

/**
 * Evaluate one pull request from what GitHub has now (stateless, like policy-bot), in three
 * stages: gather (the pull request, the configuration from the default branch, the analysis of
 * merge base and head, cached per commit pair, then reviews, comments, the App's own check runs
 * and team memberships), decide (src/app/decide: a pure function of those facts), publish (the
 * check run, the sticky comment, the label and, once, the review request). Every check run a
 * webhook started is completed, whatever happens: with the result, as superseded, or as a
 * failure saying why.
 */
export async function runJob(deps: JobDeps, job: PrJob, signal: AbortSignal): Promise<void> {
  const t0 = Date.now();
  const runs = new JobRuns(deps, job, signal, t0);
  const ids = { pr: job.pr.number, installation: job.installationId, events: job.events };
  try {
    const octokit = await runs.connect();
    const me = await deps.identity();
    const reader = new FactsReader(octokit, job.pr, me.id, deps);
    const pull = await reader.pull();
    const head = pull.head.sha;
    await runs.headIs(head);
    if (jobIsBehind(job, head)) {
      deps.log.info({ ...ids }, 'privacy review superseded by a newer push');
      return;
    }

    if (pull.state !== 'open') {
      if (runs.target) await runs.complete(runs.target, closed());
      return;
    }
    let config: AppConfig;
    try {
      config = await reader.config();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      runs.target ??= await runs.startRun();
      await runs.complete(runs.target, configFailure(e, `${pull.base.repo.html_url}/blob/${pull.base.repo.default_branch}`));
      deps.log.warn({ ...ids, problems: e.problems.length }, 'invalid repository configuration');
      return;
    }
    runs.mode = config.settings.mode;
    if (pull.draft && config.settings.drafts === 'skip') {
      if (runs.target) await runs.complete(runs.target, draft());
      return;
    }

    const analysis = await gatherAnalysis(reader, deps.cache, job, pull, config, signal);
    const facts = await gatherFacts(
      reader,
      {
        job,
        pull,
        config,
        me,
        target: runs.target,
        started: runs.startedIds(),
        ...(deps.staleAfterMs !== undefined ? { staleAfterMs: deps.staleAfterMs } : {}),
      },
      signal,
    );
    const plan = decide(facts, analysis, job.clicks, deps.now());

    const ctx: PublishContext = {
      octokit,
      pr: job.pr,
      botLogin: me.botLogin,
      comments: facts.comments,
      complete: (id, result) => runs.complete(id, result),
      startRun: () => runs.startRun(),
      log: deps.log,
      ids,
    };
    await publishLedgerUpdates(ctx, plan);
    const published = await publishPlan(ctx, plan);
    deps.log.info(
      { ...ids, conclusion: plan.check.result.conclusion, decision: plan.log.decision, approved: plan.log.approved, ms: Date.now() - t0 },
      'privacy review published',
    );
    await publishStale(ctx, plan, published);
  } catch (e) {
    await runs.fail(e);
  }
}
