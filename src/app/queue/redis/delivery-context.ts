import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';

/**
 * The delivery job being handled: what a claim made while handling it belongs to. A delivery job
 * that is run again (its process died mid-way) finds its own claims and goes on; another job with
 * the same delivery id (a redelivery) finds them taken.
 */
export const deliveryContext = new AsyncLocalStorage<{ job: string }>();

/** True when `key` was free (now held by the current delivery job, for `ttlMs`) or is already the current job's. */
export async function claimOnce(redis: Redis, key: string, ttlMs: number): Promise<boolean> {
  const owner = deliveryContext.getStore()?.job ?? 'direct';
  if ((await redis.set(key, owner, 'PX', Math.round(ttlMs), 'NX')) === 'OK') return true;
  return owner !== 'direct' && (await redis.get(key)) === owner;
}
