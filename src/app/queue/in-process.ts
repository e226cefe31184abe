import { JobAborted, type EnqueueResult, type JobQueue, type QueueJob } from './types.js';

export interface InProcessQueueOptions<T> {
  run: (payload: T, signal: AbortSignal) => Promise<void>;
  /** Fold a newer payload into the one waiting for the same key. */
  merge: (older: T, newer: T) => T;
  /** The running job already does what `incoming` asks (same head commit, nothing new to record). */
  covers: (running: T, incoming: T) => boolean;
  /** `incoming` makes the running job's result obsolete (a newer push): abort it. */
  supersedes: (running: T, incoming: T) => boolean;
  /** Jobs running at once (each holds two source trees and a TypeScript program in memory). */
  concurrency?: number;
  /** A job's signal is aborted with JobAborted('timeout') after this long. */
  timeoutMs?: number;
  /** Called when `run` throws (it should handle its own errors; this is the last resort). */
  onError?: (payload: T, error: unknown) => void;
  /** Delivery ids remembered for deduplication. */
  deliveryMemory?: number;
}

interface Running<T> {
  payload: T;
  controller: AbortController;
}

/**
 * The default queue: in memory, at most `concurrency` jobs at a time, one per key, a newer event
 * for a key folded into the waiting job or, while one runs, queued behind it (aborting it when it
 * is superseded), redeliveries dropped. Lost on restart: the App recomputes from GitHub on the
 * next event, and `check_run.rerequested` runs it again.
 */
export class InProcessQueue<T> implements JobQueue<T> {
  private readonly waiting = new Map<string, T>();
  private readonly order: string[] = [];
  private readonly running = new Map<string, Running<T>>();
  private readonly deliveries = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly memory: number;

  constructor(private readonly options: InProcessQueueOptions<T>) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
    this.memory = options.deliveryMemory ?? 5000;
  }

  enqueue(job: QueueJob<T>): EnqueueResult {
    if (job.deliveryId && !this.claimDelivery(job.deliveryId)) return 'duplicate';
    const running = this.running.get(job.key);
    const queued = this.waiting.get(job.key);
    if (queued !== undefined) {
      this.waiting.set(job.key, this.options.merge(queued, job.payload));
      if (running && this.options.supersedes(running.payload, job.payload)) running.controller.abort(new JobAborted('superseded'));
      return 'merged';
    }
    if (running) {
      if (this.options.covers(running.payload, job.payload)) return 'duplicate';
      this.waiting.set(job.key, job.payload);
      if (this.options.supersedes(running.payload, job.payload)) running.controller.abort(new JobAborted('superseded'));
      return 'deferred';
    }
    this.waiting.set(job.key, job.payload);
    this.order.push(job.key);
    this.pump();
    return 'queued';
  }

  claimDelivery(id: string): boolean {
    if (this.deliveries.has(id)) return false;
    this.deliveries.add(id);
    if (this.deliveries.size > this.memory) this.deliveries.delete(this.deliveries.values().next().value as string);
    return true;
  }

  peek(key: string): { queued?: T; running?: T } {
    const queued = this.waiting.get(key);
    const running = this.running.get(key)?.payload;
    return { ...(queued !== undefined ? { queued } : {}), ...(running !== undefined ? { running } : {}) };
  }

  idle(): Promise<void> {
    if (!this.running.size && !this.waiting.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running.size < this.concurrency) {
      const index = this.order.findIndex((key) => !this.running.has(key));
      if (index < 0) break;
      const key = this.order.splice(index, 1)[0];
      const payload = this.waiting.get(key);
      if (payload === undefined) continue;
      this.waiting.delete(key);
      void this.start(key, payload);
    }
    if (!this.running.size && !this.waiting.size) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async start(key: string, payload: T): Promise<void> {
    const controller = new AbortController();
    this.running.set(key, { payload, controller });
    const timer = setTimeout(() => controller.abort(new JobAborted('timeout')), this.timeoutMs);
    timer.unref?.();
    try {
      await this.options.run(payload, controller.signal);
    } catch (e) {
      this.options.onError?.(payload, e);
    } finally {
      clearTimeout(timer);
      this.running.delete(key);
      // What arrived while it ran waits behind it: schedule it now.
      if (this.waiting.has(key) && !this.order.includes(key)) this.order.push(key);
      this.pump();
    }
  }
}
