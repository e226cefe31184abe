import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EnqueueResult, JobQueue, Peeked, QueueJob } from '../types.js';
import { claimOnce } from './delivery-context.js';
import type { RedisKeys } from './keys.js';

export interface SharedQueueOptions<T> {
  redis: Redis;
  keys: RedisKeys;
  /** The BullMQ queue of review jobs (`{ key }`: "the pull request has events waiting"). */
  reviews: Queue;
  /** Fold a newer payload into an older one (the newer head wins). */
  merge: (older: T, newer: T) => T;
  covers: (running: T, incoming: T) => boolean;
  supersedes: (running: T, incoming: T) => boolean;
  /** Make a payload plain data before it goes to Redis (the App waits for check runs being created). */
  settle?: (payload: T) => Promise<T>;
  /** How long delivery ids are remembered. */
  dedupeMs: number;
}

/** BullMQ options of a review job: a few retries of unexpected errors, and bounded history. */
export const REVIEW_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

/**
 * The web side of the shared queue: what the webhook handlers call. An event for a pull request
 * is appended to the pull request's pending list in Redis and a review job is added to BullMQ; a
 * worker that starts the review folds every pending event into one payload (so a newer push
 * supersedes what waits), and holds the pull request (one review per pull request at a time,
 * across workers: see RedisReviewWorker). An event that makes the running review obsolete (a newer
 * head) stops it, wherever it runs, through a Redis channel.
 */
export class RedisReviewQueue<T> implements JobQueue<T> {
  constructor(private readonly options: SharedQueueOptions<T>) {}

  async enqueue(job: QueueJob<T>): Promise<EnqueueResult> {
    const { redis, keys } = this.options;
    if (job.deliveryId && !(await this.claimDelivery(job.deliveryId))) return 'duplicate';
    const payload = this.options.settle ? await this.options.settle(job.payload) : job.payload;
    const running = await this.running(job.key);
    if (running?.payload !== undefined && this.options.covers(running.payload, payload)) return 'duplicate';
    const waiting = await redis.rpush(keys.pending(job.key), JSON.stringify(payload));
    await this.options.reviews.add('review', { key: job.key }, REVIEW_JOB_OPTIONS);
    if (running?.payload !== undefined && this.options.supersedes(running.payload, payload)) {
      await redis.hset(keys.running(job.key), 'aborted', running.holder);
      await redis.publish(keys.abortChannel, JSON.stringify({ key: job.key, holder: running.holder }));
    }
    return waiting > 1 ? 'merged' : running ? 'deferred' : 'queued';
  }

  claimDelivery(id: string): Promise<boolean> {
    return claimOnce(this.options.redis, this.options.keys.seen(id), this.options.dedupeMs);
  }

  async peek(key: string): Promise<Peeked<T>> {
    const [running, items] = await Promise.all([this.running(key), this.options.redis.lrange(this.options.keys.pending(key), 0, -1)]);
    const queued = items
      .map((item) => JSON.parse(item) as T)
      .reduce<T | undefined>((a, b) => (a === undefined ? b : this.options.merge(a, b)), undefined);
    return { ...(queued !== undefined ? { queued } : {}), ...(running?.payload !== undefined ? { running: running.payload } : {}) };
  }

  /** Resolves once no review job waits, runs or is delayed (tests). */
  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.options.reviews.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async running(key: string): Promise<{ holder: string; payload?: T } | undefined> {
    const [holder, payload] = await this.options.redis.hmget(this.options.keys.running(key), 'holder', 'payload');
    if (!holder) return undefined;
    return { holder, ...(payload ? { payload: JSON.parse(payload) as T } : {}) };
  }
}
