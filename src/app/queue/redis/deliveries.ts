import { Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Log } from '../../pipeline/run-job.js';
import { claimOnce, deliveryContext } from './delivery-context.js';
import type { RedisKeys } from './keys.js';

/** An acknowledged delivery as it waits in Redis: the body is kept as GitHub sent it (signed text). */
export interface StoredDelivery {
  id: string;
  name: string;
  body: string;
}

/** BullMQ options of a delivery job: retried if handling fails unexpectedly, kept a week when it keeps failing. */
export const DELIVERY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

/**
 * Store a verified delivery in Redis; it is acknowledged (200) only once this resolves, so a crash
 * of any process after the answer loses nothing. Rejects at once when Redis is away (the answer is
 * then 503 and GitHub shows the delivery as failed, to be redelivered).
 */
export async function storeDelivery(deliveries: Queue, delivery: StoredDelivery): Promise<void> {
  await deliveries.add('delivery', delivery, DELIVERY_JOB_OPTIONS);
}

export interface DeliveryConsumerOptions {
  connection: Redis;
  redis: Redis;
  keys: RedisKeys;
  deliveries: Queue;
  /** The webhook handlers (@octokit/webhooks' `receive`): they decide and enqueue reviews. */
  receive(event: { id: string; name: string; payload: unknown }): Promise<void>;
  dedupeMs: number;
  lockMs: number;
  log: Log;
  name: string;
}

/**
 * Hands stored deliveries to the webhook handlers, in any web process. A delivery id seen before
 * (GitHub's redelivery, or the same delivery stored twice by a process that died before it could
 * answer) is dropped, across all processes, for `dedupeMs`. A process that dies while handling a
 * delivery leaves its job to BullMQ's stalled-job check: another process handles it again, and the
 * claims the first made (this delivery, its pull requests) count as its own.
 */
export function consumeDeliveries(options: DeliveryConsumerOptions): Worker {
  return new Worker(
    options.deliveries.name,
    async (job: Job<StoredDelivery>) => {
      const { id, name, body } = job.data;
      return deliveryContext.run({ job: `delivery-job:${job.id}` }, async () => {
        if (!(await claimOnce(options.redis, options.keys.seen(id), options.dedupeMs))) {
          options.log.info({ delivery: id, event: name }, 'redelivered webhook dropped');
          return 'duplicate';
        }
        await options.receive({ id, name, payload: JSON.parse(body) as unknown });
        return 'handled';
      });
    },
    {
      connection: options.connection,
      prefix: options.keys.prefix,
      concurrency: 16,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      name: options.name,
    },
  );
}
