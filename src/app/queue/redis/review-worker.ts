import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobAborted } from '../types.js';
import type { RedisKeys } from './keys.js';
import { REVIEW_JOB_OPTIONS } from './review-queue.js';

export interface ReviewWorkerOptions<T> {
  /** Connections: commands, the abort channel's subscriber, and BullMQ's worker (blocking). */
  redis: Redis;
  subscriber: Redis;
  workerConnection: Redis;
  keys: RedisKeys;
  /** Where follow-up jobs go (events that arrived while a review ran). */
  reviews: Queue;
  run: (payload: T, signal: AbortSignal) => Promise<void>;
  merge: (older: T, newer: T) => T;
  /** Reviews this process runs at once. */
  concurrency: number;
  /** A review's signal is aborted with JobAborted('timeout') after this long. */
  timeoutMs: number;
  /** How long a hold lasts without renewal: a worker gone this long is taken as dead. */
  lockMs: number;
  /** A review starts and ends (logs: which process reviews which pull request), with its wall time (metrics). */
  onStart?: (key: string) => void;
  observe?: (key: string, seconds: number) => void;
  onError?: (payload: T, error: unknown) => void;
  /** This process's name in BullMQ (which worker ran a job). */
  name: string;
}

/** Take the pull request when it is free or its holder's hold ran out. */
const ACQUIRE = `
if redis.call('exists', KEYS[1]) == 1 then return 0 end
redis.call('hset', KEYS[1], 'holder', ARGV[1])
redis.call('pexpire', KEYS[1], ARGV[2])
return 1`;
/** Renew the hold (and store the payload) while it is ours; 2: a newer push asked to stop. */
const RENEW = `
if redis.call('hget', KEYS[1], 'holder') ~= ARGV[1] then return 0 end
if ARGV[3] ~= '' then redis.call('hset', KEYS[1], 'payload', ARGV[3]) end
redis.call('pexpire', KEYS[1], ARGV[2])
if redis.call('hget', KEYS[1], 'aborted') == ARGV[1] then return 2 end
return 1`;
const RELEASE = `
if redis.call('hget', KEYS[1], 'holder') == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

interface Active {
  holder: string;
  controller: AbortController;
  job: Job;
  token: string;
}

/**
 * The worker side of the shared queue: a BullMQ worker whose job is "run what waits for this pull
 * request". It holds the pull request in Redis (one review per pull request across all workers),
 * folds the pending events into one payload, stores it in the BullMQ job (so that if this process
 * dies, BullMQ's stalled-job check hands the job, payload and all, to another worker) and runs it.
 * A job that finds the pull request held is a no-op when its events are still pending (the holder
 * adds a follow-up job when it finishes) or is delayed when it carries a payload of its own (a
 * job taken over from a dead worker, waiting for the dead worker's hold to run out).
 */
export class RedisReviewWorker<T> {
  readonly worker: Worker;
  private readonly active = new Map<string, Active>();
  private closing = false;

  constructor(private readonly options: ReviewWorkerOptions<T>) {
    options.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== options.keys.abortChannel) return;
      const { key, holder } = JSON.parse(message) as { key: string; holder: string };
      const active = this.active.get(key);
      if (active?.holder === holder) active.controller.abort(new JobAborted('superseded'));
    });
    void options.subscriber.subscribe(options.keys.abortChannel);
    this.worker = new Worker(options.reviews.name, (job, token) => this.process(job as Job<{ key: string; payload?: T }>, token!), {
      connection: options.workerConnection,
      prefix: options.keys.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: 2,
      name: options.name,
    });
  }

  /** Pull requests this process reviews now. */
  get running(): number {
    return this.active.size;
  }

  /**
   * Stop taking jobs; wait up to `graceMs` for running reviews, then hand the rest back (their
   * jobs return to the queue with their payloads, for another worker) and resolve.
   */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    const finished = this.worker.close();
    const inTime = await Promise.race([
      finished.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref()),
    ]);
    if (inTime) return;
    await Promise.allSettled([...this.active.entries()].map(([key, a]) => this.handBack(key, a)));
  }

  private async handBack(key: string, a: Active): Promise<void> {
    this.active.delete(key);
    await a.job.moveToWait(a.token);
    await this.options.redis.eval(RELEASE, 1, this.options.keys.running(key), a.holder);
  }

  private async process(job: Job<{ key: string; payload?: T }>, token: string): Promise<string> {
    const { redis, keys } = this.options;
    const key = job.data.key;
    const holder = `${this.options.name}/${job.id}/${token}`;
    if (!(await redis.eval(ACQUIRE, 1, keys.running(key), holder, this.options.lockMs))) {
      if (job.data.payload === undefined) return 'held elsewhere';
      await job.moveToDelayed(Date.now() + Math.min(5_000, this.options.lockMs / 2), token);
      throw new DelayedError();
    }
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await redis.eval(RELEASE, 1, keys.running(key), holder);
    };
    try {
      const items = await redis.lrange(keys.pending(key), 0, -1);
      let payload = job.data.payload;
      for (const item of items) {
        const next = JSON.parse(item) as T;
        payload = payload === undefined ? next : this.options.merge(payload, next);
      }
      if (payload === undefined) return 'nothing pending';
      // The job carries the payload before the events leave the list: a crash in between runs them twice, never zero times.
      if (items.length) {
        await job.updateData({ key, payload });
        await redis.ltrim(keys.pending(key), items.length, -1);
      }
      await this.hold(key, holder, JSON.stringify(payload));
      await this.review(key, holder, payload, job, token);
      return 'reviewed';
    } finally {
      if (this.active.get(key)?.holder === holder) this.active.delete(key);
      await release();
      // Events that arrived while this ran: a job of their own (theirs may have found the pull request held).
      if (!this.closing && (await redis.llen(keys.pending(key))) > 0) await this.options.reviews.add('review', { key }, REVIEW_JOB_OPTIONS);
    }
  }

  private async hold(key: string, holder: string, payload = ''): Promise<number> {
    return (await this.options.redis.eval(RENEW, 1, this.options.keys.running(key), holder, this.options.lockMs, payload)) as number;
  }

  private async review(key: string, holder: string, payload: T, job: Job, token: string): Promise<void> {
    const controller = new AbortController();
    this.active.set(key, { holder, controller, job, token });
    const timeout = setTimeout(() => controller.abort(new JobAborted('timeout')), this.options.timeoutMs);
    const renew = setInterval(() => {
      this.hold(key, holder).then(
        (state) => {
          if (state === 2) controller.abort(new JobAborted('superseded'));
        },
        () => undefined, // Redis away for a moment: the next renewal tries again
      );
    }, this.options.lockMs / 3);
    const started = performance.now();
    this.options.onStart?.(key);
    try {
      await this.options.run(payload, controller.signal);
    } catch (e) {
      this.options.onError?.(payload, e);
    } finally {
      clearTimeout(timeout);
      clearInterval(renew);
      this.options.observe?.(key, (performance.now() - started) / 1000);
    }
  }
}
