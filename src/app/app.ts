import type { ApplicationFunction, Probot } from 'probot';
import { ANALYZERS } from '../../analyzers/index.js';
import type { Analyzer } from '../engine/analyzer.js';
import { reviewTrees } from '../review/run.js';
import { registerHandlers } from './events/handlers.js';
import { DEFAULT_LIMITS, type ExtractLimits } from './github/extract.js';
import type { Octokit } from './github/types.js';
import { identityLoader } from './identity.js';
import { AnalysisCache } from './pipeline/analyze.js';
import { jobCovers, jobSupersedes, mergeJobs, type PrJob } from './pipeline/job.js';
import { runJob, type JobDeps } from './pipeline/run-job.js';
import { InProcessQueue } from './queue/in-process.js';

export interface PrivacyReviewOptions {
  /** Reviews running at once (default 2). */
  concurrency?: number;
  /** A review still running after this long is reported as failed (default 10 minutes). */
  timeoutMs?: number;
  limits?: Partial<ExtractLimits>;
  /** Seams for tests: the review of two trees, the analyzers, the clock, the temporary directory. */
  review?: typeof reviewTrees;
  analyzers?: readonly Analyzer[];
  now?: () => Date;
  tmpDir?: string;
}

export interface PrivacyReview {
  /** The Probot application function. */
  app: ApplicationFunction;
  /** Its job queue: `await queue.idle()` waits for every queued review (tests, shutdown). */
  queue: InProcessQueue<PrJob>;
}

/**
 * The privacy-review GitHub App: webhooks enqueue, an in-process queue runs the reviews. All
 * state is recomputed from GitHub on every event; the cache only saves downloads.
 */
export function createPrivacyReview(options: PrivacyReviewOptions = {}): PrivacyReview {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  let deps: JobDeps | undefined;
  const queue = new InProcessQueue<PrJob>({
    concurrency: options.concurrency ?? 2,
    timeoutMs,
    merge: mergeJobs,
    covers: jobCovers,
    supersedes: jobSupersedes,
    run: (job, signal) => {
      if (!deps) throw new Error('the App is not loaded');
      return runJob(deps, job, signal);
    },
    onError: (job, e) => deps?.log.error({ pr: job.pr.number, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'review job crashed'),
  });

  const app: ApplicationFunction = (probot: Probot) => {
    const log = probot.log.child({ name: 'privacy-review' });
    const identity = identityLoader(probot);
    const now = options.now ?? (() => new Date());
    deps = {
      auth: async (installationId) => (await probot.auth(installationId)) as unknown as Octokit,
      identity,
      cache: new AnalysisCache(),
      log,
      now,
      timeoutMs,
      review: options.review ?? reviewTrees,
      analyzers: options.analyzers ?? ANALYZERS,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      ...(options.tmpDir ? { tmpDir: options.tmpDir } : {}),
    };
    registerHandlers(probot, { queue, identity, log, now });
  };
  return { app, queue };
}
