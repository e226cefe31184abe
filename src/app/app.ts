import type { ApplicationFunction, Probot } from 'probot';
import type { Analyzer } from '../engine/analyzer.js';
import type { reviewTrees } from '../review/run.js';
import { deliveryRoute } from './events/delivery-route.js';
import { deliveryScheduler, type DeliveryScheduler } from './events/delivery-scheduler.js';
import { BodyBudget } from './events/capped-body.js';
import { registerHandlers, type HandlerDeps } from './events/handlers.js';
import { webhookIntake, type Handler } from './events/webhook-intake.js';
import { DEFAULT_LIMITS, type ExtractLimits } from './github/archive-checks.js';
import { installationOctokit } from './github/installation.js';
import type { SharedThrottle } from './github/shared-throttle.js';
import { identityLoader } from './identity.js';
import { AnalysisCache, inThread, type TreesReviewer } from './pipeline/analyze.js';
import { jobCovers, jobSupersedes, mergeJobs, type PrJob } from './pipeline/job.js';
import { runJob, type JobDeps } from './pipeline/run-job.js';
import { InProcessQueue } from './queue/in-process.js';
import type { JobQueue } from './queue/types.js';
import { defaultPoolSize, ReviewPool } from './worker/pool.js';

export interface PrivacyReviewOptions {
  /** Reviews running at once (default 2). */
  concurrency?: number;
  /** A review still running after this long is reported as failed (default 10 minutes). */
  timeoutMs?: number;
  /** An in-progress check run of the App older than this, that no job works on, is completed by the next job (default 60 s). */
  staleAfterMs?: number;
  limits?: Partial<ExtractLimits>;
  /** Worker threads for the reviews (default: the concurrency, at most one per core but one, at least one). */
  workers?: number;
  /**
   * When the App is loaded, start the first worker (the first review does not wait for the engine
   * to load) and ask GitHub for the App's identity (the first webhooks do not wait for it).
   */
  warm?: boolean;
  /**
   * Answer a webhook once its signature is checked, and run the handlers after (default true).
   * False keeps Probot's behaviour: the answer waits for the handlers.
   */
  ackFirst?: boolean;
  /**
   * The largest webhook body the App's server reads (default 25 MB, GitHub's own cap): see
   * `webhookIntake` below.
   */
  maxWebhookBytes?: number;
  /**
   * Where jobs wait (default: in this process, run on its worker threads). The shared queue gets
   * the App's job runner and runs it on the worker processes.
   */
  queue?: (run: JobRunner) => JobQueue<PrJob>;
  /** Who starts a head's in-progress check run (default: this process decides; the shared queue: Redis). */
  checkRuns?: HandlerDeps['checkRuns'];
  /** The analysis cache a job reads and fills (default: one in memory for the process; the shared queue: Redis). */
  cacheFor?: (job: PrJob) => Promise<AnalysisCache>;
  /** Where GitHub request throttling keeps its state (default: in this process; the shared queue: Redis). */
  throttle?: SharedThrottle;
  /**
   * Seams for tests: the review of two trees, run on the webhook server's thread instead of a
   * worker (so it can be stubbed), with these analyzers; the worker's entry; the clock; the
   * temporary directory.
   */
  review?: typeof reviewTrees;
  analyzers?: readonly Analyzer[];
  workerUrl?: URL;
  now?: () => Date;
  tmpDir?: string;
}

export interface PrivacyReview {
  /** The Probot application function. */
  app: ApplicationFunction;
  /** Its job queue: `await queue.idle()` waits for every queued review (tests, shutdown). */
  queue: JobQueue<PrJob>;
  /** Runs one job (what the queue calls); rejects while the App is not loaded. */
  run: JobRunner;
  /** The review worker threads; undefined when `review` runs the reviews in-thread. */
  pool?: ReviewPool;
  /**
   * The guard to put in front of Probot's webhook middleware (`npm start`'s server does): bodies
   * over `maxWebhookBytes` refused unread, unverified ones never handed on.
   */
  webhookIntake(probot: Probot): Handler;
  /**
   * The webhook route behind the intake (`npm start`'s server): a verified delivery is answered at
   * once and handled after (or, with `ackFirst: false`, answered once handled). Call after loading `app`.
   */
  deliveryRoute(probot: Probot): Handler;
  /**
   * Wait for the handlers of acknowledged deliveries, then stop the worker threads (reviews still
   * running fail as "the App is shutting down").
   */
  close(): Promise<void>;
}

/** Runs one review job until it is done or its signal is aborted. */
export type JobRunner = (job: PrJob, signal: AbortSignal) => Promise<void>;

/** GitHub caps webhook payloads at 25 MB. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
// Bodies held at once across requests, as a number of the largest: many at the cap still add up.
const BODIES_AT_ONCE = 4;

/**
 * The privacy-review GitHub App: webhooks enqueue, an in-process queue runs the jobs, worker
 * threads the reviews. All state is recomputed from GitHub on every event; the cache only saves
 * downloads.
 */
export function createPrivacyReview(options: PrivacyReviewOptions = {}): PrivacyReview {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const concurrency = options.concurrency ?? 2;
  const pool = options.review
    ? undefined
    : new ReviewPool({
        size: options.workers ?? Math.min(concurrency, defaultPoolSize()),
        ...(options.workerUrl ? { url: options.workerUrl } : {}),
      });
  const trees: TreesReviewer = pool ? (input, signal) => pool.run(input, signal) : inThread(options.review!, options.analyzers);
  let deps: JobDeps | undefined;
  let deliveries: DeliveryScheduler | undefined;
  const run: JobRunner = async (job, signal) => {
    if (!deps) throw new Error('the App is not loaded');
    return runJob(options.cacheFor ? { ...deps, cache: await options.cacheFor(job) } : deps, job, signal);
  };
  const queue =
    options.queue?.(run) ??
    new InProcessQueue<PrJob>({
      concurrency,
      timeoutMs,
      merge: mergeJobs,
      covers: jobCovers,
      supersedes: jobSupersedes,
      run,
      onError: (job, e) =>
        deps?.log.error({ pr: job.pr.number, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'review job crashed'),
    });

  const app: ApplicationFunction = (probot: Probot) => {
    const log = probot.log.child({ name: 'privacy-review' });
    const identity = identityLoader(probot);
    const now = options.now ?? (() => new Date());
    deps = {
      auth: (installationId) => installationOctokit(probot, installationId, log, options.throttle),
      identity,
      cache: new AnalysisCache(),
      log,
      now,
      timeoutMs,
      ...(options.staleAfterMs !== undefined ? { staleAfterMs: options.staleAfterMs } : {}),
      trees,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      ...(options.tmpDir ? { tmpDir: options.tmpDir } : {}),
    };
    registerHandlers(probot, { queue, identity, log, now, ...(options.checkRuns ? { checkRuns: options.checkRuns } : {}) });
    if (options.ackFirst !== false && probot.webhooks)
      deliveries = deliveryScheduler((event) => probot.webhooks.receive(event as never), log);
    if (options.warm) {
      pool?.warm();
      identity().catch((e: unknown) =>
        log.warn({ reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'could not read the App’s identity yet'),
      );
    }
  };
  return {
    app,
    queue,
    run,
    ...(pool ? { pool } : {}),
    webhookIntake: (probot) => {
      const maxBodyBytes = options.maxWebhookBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
      return webhookIntake({
        path: probot.webhookPath,
        maxBodyBytes,
        budget: new BodyBudget(BODIES_AT_ONCE * maxBodyBytes),
        verify: (payload, signature) => probot.webhooks.verify(payload, signature),
        log: probot.log.child({ name: 'privacy-review' }),
      });
    },
    deliveryRoute: (probot) =>
      deliveryRoute({
        webhookPath: probot.webhookPath,
        receive: (event) => probot.webhooks.receive(event as never),
        ...(deliveries ? { scheduler: deliveries } : {}),
        log: probot.log.child({ name: 'privacy-review' }),
      }),
    close: async () => {
      await deliveries?.idle();
      await pool?.close();
    },
  };
}
