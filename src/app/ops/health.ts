import type { Redis } from 'ioredis';

/** Ready when Redis answers a PING within `timeoutMs`: the queue, the dedupe and the locks all live there. */
export async function redisHealth(redis: Redis, timeoutMs = 1_000): Promise<{ ok: boolean; reason?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return pong === 'PONG' ? { ok: true } : { ok: false, reason: 'unexpected answer to PING' };
  } catch (e) {
    return { ok: false, reason: `Redis unreachable: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
  }
}
