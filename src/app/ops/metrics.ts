import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../queue/redis/keys.js';

/** Upper bounds (seconds) of the review-duration histogram's buckets. */
const BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600];

/** Count one review's wall time in the shared histogram (every worker adds to the same one). */
export async function recordReviewDuration(redis: Redis, keys: RedisKeys, seconds: number): Promise<void> {
  const multi = redis.multi();
  for (const le of BUCKETS) if (seconds <= le) multi.hincrby(keys.durations, `le:${le}`, 1);
  await multi.hincrby(keys.durations, 'le:+Inf', 1).hincrby(keys.durations, 'count', 1).hincrbyfloat(keys.durations, 'sum', seconds).exec();
}

/**
 * The queue metrics in Prometheus' text format: jobs per state and completed/failed totals of the
 * review and delivery queues (BullMQ's own export), and the review durations of all workers.
 */
export async function prometheusMetrics(redis: Redis, keys: RedisKeys, queues: readonly Queue[]): Promise<string> {
  const lines: string[] = [];
  const described = new Set<string>();
  for (const queue of queues) {
    for (const line of (await queue.exportPrometheusMetrics()).split('\n')) {
      // One HELP and TYPE per metric name, however many queues report it.
      if (line.startsWith('#')) {
        if (described.has(line)) continue;
        described.add(line);
      }
      lines.push(line);
    }
  }
  const h = await redis.hgetall(keys.durations);
  lines.push('# HELP privacy_review_review_duration_seconds Wall time of a review job, from start to its check run completed');
  lines.push('# TYPE privacy_review_review_duration_seconds histogram');
  for (const le of [...BUCKETS.map(String), '+Inf'])
    lines.push(`privacy_review_review_duration_seconds_bucket{le="${le}"} ${Number(h[`le:${le}`] ?? 0)}`);
  lines.push(`privacy_review_review_duration_seconds_sum ${Number(h.sum ?? 0)}`);
  lines.push(`privacy_review_review_duration_seconds_count ${Number(h.count ?? 0)}`);
  return `${lines.join('\n')}\n`;
}
