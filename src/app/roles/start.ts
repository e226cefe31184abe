import os from 'node:os';
import { Queue, type Worker } from 'bullmq';
import type { Probot } from 'probot';
import type { Logger } from 'pino';
import { createPrivacyReview, type PrivacyReviewOptions } from '../app.js';
import { sharedThrottle } from '../github/shared-throttle.js';
import { startWebhookServer, type WebhookServer } from '../events/webhook-server.js';
import { redisHealth } from '../ops/health.js';
import { prometheusMetrics, recordReviewDuration } from '../ops/metrics.js';
import type { Role, SharedQueueSettings } from '../options.js';
import { jobCovers, jobKey, jobSupersedes, mergeJobs, type PrJob } from '../pipeline/job.js';
import { SharedAnalysisStore } from '../queue/redis/analysis-cache.js';
import { RedisCheckRunSlots } from '../queue/redis/check-run-slots.js';
import { connect, connectFailFast } from '../queue/redis/connection.js';
import { consumeDeliveries, storeDelivery } from '../queue/redis/deliveries.js';
import { redisKeys } from '../queue/redis/keys.js';
import { RedisReviewQueue } from '../queue/redis/review-queue.js';
import { RedisReviewWorker } from '../queue/redis/review-worker.js';
import { sharedRoutes } from './routes.js';

export interface SharedAppOptions {
  role: Role;
  shared: SharedQueueSettings;
  probot: Probot;
  log: Logger;
  host: string;
  port: number;
  /** The App's own settings (concurrency: reviews one worker process runs at once). */
  app: PrivacyReviewOptions;
}

export interface SharedApp {
  server: WebhookServer;
  /** Stop taking work, finish or hand back running reviews within `graceMs`, and disconnect. */
  stop(graceMs: number): Promise<void>;
}

/**
 * The App on the shared queue, as one process of a role. `web`: the webhook server answers a
 * verified delivery once it is stored in Redis, and hands stored deliveries to the webhook
 * handlers (which start check runs and enqueue reviews). `worker`: runs reviews from the queue on
 * its worker threads. `all`: both. Every role serves `/ping`, `/health` and `/metrics`.
 */
export async function startSharedApp(options: SharedAppOptions): Promise<SharedApp> {
  const { shared, role, log } = options;
  const keys = redisKeys(shared.prefix);
  const name = `${os.hostname()}/${process.pid}`;
  const redis = connect(shared.url, `privacy-review:${role}`);
  const fast = connectFailFast(shared.url, `privacy-review:${role}:fast`);
  for (const client of [redis, fast]) client.on('error', (e: Error) => log.warn({ reason: e.message }, 'Redis connection problem'));
  const reviews = new Queue(keys.reviewsQueue, { connection: redis, prefix: keys.prefix });
  const deliveries = new Queue(keys.deliveriesQueue, { connection: fast, prefix: keys.prefix });
  const store = new SharedAnalysisStore(redis, keys, shared.cache, log);
  const throttle = sharedThrottle(connect(shared.url, `privacy-review:${role}:throttle`), `${keys.prefix}:`, (e) =>
    log.warn({ reason: e.message }, 'GitHub request throttling: Redis problem'),
  );
  const concurrency = options.app.concurrency ?? 2;
  const timeoutMs = options.app.timeoutMs ?? 10 * 60_000;
  let runner: ((job: PrJob, signal: AbortSignal) => Promise<void>) | undefined;

  const privacyReview = createPrivacyReview({
    ...options.app,
    ackFirst: false,
    warm: role !== 'web',
    queue: (run) => {
      runner = run;
      return new RedisReviewQueue<PrJob>({
        redis,
        keys,
        reviews,
        merge: mergeJobs,
        covers: jobCovers,
        supersedes: jobSupersedes,
        settle: settleJob,
        dedupeMs: shared.dedupeMs,
      });
    },
    checkRuns: new RedisCheckRunSlots(redis, keys),
    cacheFor: (job) => store.forPull(jobKey(job.pr)),
    throttle,
  });
  await options.probot.load(privacyReview.app);

  const closers: (() => Promise<unknown>)[] = [];
  let consumer: Worker | undefined;
  if (role !== 'worker') {
    const connection = connect(shared.url, `privacy-review:${role}:deliveries`);
    consumer = consumeDeliveries({
      connection,
      redis,
      keys,
      deliveries,
      receive: (event) => options.probot.webhooks.receive(event as Parameters<Probot['webhooks']['receive']>[0]),
      dedupeMs: shared.dedupeMs,
      lockMs: shared.lockMs,
      log,
      name,
    });
    consumer.on('failed', (job: { data: { id: string } } | undefined, e) =>
      log.warn({ delivery: job?.data.id, reason: e.message.split('\n')[0] }, 'webhook handling failed; BullMQ retries it'),
    );
    closers.push(async () => {
      await consumer!.close();
      connection.disconnect();
    });
  }
  let worker: RedisReviewWorker<PrJob> | undefined;
  if (role !== 'web') {
    const subscriber = connect(shared.url, `privacy-review:${role}:abort`);
    const workerConnection = connect(shared.url, `privacy-review:${role}:reviews`);
    worker = new RedisReviewWorker<PrJob>({
      redis,
      subscriber,
      workerConnection,
      keys,
      reviews,
      run: (job, signal) => runner!(job, signal),
      merge: mergeJobs,
      concurrency,
      timeoutMs,
      lockMs: shared.lockMs,
      name,
      // The pull request's number only: the key's owner may be a person's login.
      onStart: (key) => log.info({ pr: pullNumber(key) }, 'review started'),
      observe: (key, seconds) => {
        log.info({ pr: pullNumber(key), seconds: Math.round(seconds * 10) / 10 }, 'review finished');
        void recordReviewDuration(redis, keys, seconds).catch(() => undefined);
      },
      onError: (job, e) =>
        log.error({ pr: job.pr.number, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'review job crashed'),
    });
    worker.worker.on('failed', (job, e) => log.warn({ job: job?.id, reason: e.message.split('\n')[0] }, 'review job failed'));
    closers.push(async () => {
      subscriber.disconnect();
      workerConnection.disconnect();
    });
  }

  const server = await startWebhookServer({
    host: options.host,
    port: options.port,
    intake: role === 'worker' ? async () => false : privacyReview.webhookIntake(options.probot),
    middleware: sharedRoutes({
      ...(role !== 'worker' ? { webhookPath: options.probot.webhookPath, store: (d) => storeDelivery(deliveries, d) } : {}),
      health: () => redisHealth(fast),
      metrics: () => prometheusMetrics(fast, keys, [reviews, deliveries]),
      log,
    }),
    log,
  });
  log.info({ role, concurrency: role === 'web' ? 0 : concurrency }, 'privacy review on the shared queue');

  return {
    server,
    stop: async (graceMs) => {
      await server.stop().catch(() => undefined);
      await consumer?.close().catch(() => undefined);
      await worker?.close(graceMs).catch(() => undefined);
      await store.flushed();
      await privacyReview.close();
      await Promise.allSettled(closers.map((c) => c()));
      await Promise.allSettled([reviews.close(), deliveries.close()]);
      await throttle.connection.disconnect(false);
      redis.disconnect();
      fast.disconnect();
    },
  };
}

function pullNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('#') + 1));
}

/** A job as plain data: the check runs its webhook started, awaited (their ids go to Redis, the promises cannot). */
async function settleJob(job: PrJob): Promise<PrJob> {
  const { starting, ...rest } = job;
  const created = await Promise.all((starting ?? []).map(async (s) => ({ sha: s.sha, id: await s.id })));
  return { ...rest, started: [...rest.started, ...created.filter((s): s is { sha: string; id: number } => s.id !== undefined)] };
}
