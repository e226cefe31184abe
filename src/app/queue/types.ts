/**
 * Where analysis jobs wait. Webhooks only enqueue (GitHub wants an answer within 10 seconds); the
 * in-process queue is the default and answers at once; the shared one (Redis) answers with
 * promises, for several App processes.
 */
export interface JobQueue<T> {
  enqueue(job: QueueJob<T>): EnqueueResult | Promise<EnqueueResult>;
  /** Remember a delivery id; false when it was seen before (a redelivered webhook). */
  claimDelivery(id: string): boolean | Promise<boolean>;
  /** The payload queued or running for a key (to decide whether a webhook needs a new check run). */
  peek(key: string): Peeked<T> | Promise<Peeked<T>>;
  /** Resolves once nothing is queued or running (tests, graceful shutdown). */
  idle(): Promise<void>;
}

export interface Peeked<T> {
  queued?: T;
  running?: T;
}

export interface QueueJob<T> {
  /** One job per key runs at a time: a pull request, `owner/repo#12`. */
  key: string;
  payload: T;
  /** X-GitHub-Delivery: a redelivered webhook is dropped. */
  deliveryId?: string;
}

/**
 * `queued`: a new job; `merged`: folded into the job waiting for the same key (the newer head
 * wins); `deferred`: the key's job is running, this one runs after it; `duplicate`: nothing new
 * (same delivery, or the running job already covers it).
 */
export type EnqueueResult = 'queued' | 'merged' | 'deferred' | 'duplicate';

/** Why a running job's signal was aborted. */
export class JobAborted extends Error {
  override readonly name = 'JobAborted';

  constructor(readonly reason: 'superseded' | 'timeout' | 'shutdown') {
    super(
      reason === 'timeout'
        ? 'the review took too long and was stopped'
        : reason === 'superseded'
          ? 'a newer push superseded this review'
          : 'the App is shutting down',
    );
  }
}
