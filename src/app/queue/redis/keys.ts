/** The Redis keys and BullMQ queue names of one App, all under its prefix. */
export function redisKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, ...parts].join(':');
  return {
    prefix,
    /** BullMQ queue of acknowledged deliveries, and of review jobs (one per enqueued event). */
    deliveriesQueue: 'deliveries',
    reviewsQueue: 'reviews',
    /** A delivery id seen, with the job that handles it. */
    seen: (deliveryId: string) => k('seen', deliveryId),
    /** Events waiting for a pull request's next review, oldest first (folded when it starts). */
    pending: (key: string) => k('pending', key),
    /** The review running for a pull request: its holder and payload (the lock: one review per pull request). */
    running: (key: string) => k('running', key),
    /** Channel telling workers to stop a running review (a newer push). */
    abortChannel: k('abort'),
    /** A check-run slot taken (see CheckRunWindow). */
    checkRunSlot: (slot: string) => k('check-run', slot),
    /** Analyses by commit pair, the index that bounds their number, and each pull request's latest. */
    analysis: (key: string) => k('analysis', key),
    analysisIndex: k('analysis-index'),
    analysisOfPull: (key: string) => k('analysis-of', key),
    /** Review durations as a Prometheus histogram (bucket counts, sum, count). */
    durations: k('review-seconds'),
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
