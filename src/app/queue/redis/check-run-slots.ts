import type { Redis } from 'ioredis';
import type { CheckRunSlot } from '../../events/check-run-window.js';
import type { RedisKeys } from './keys.js';

/**
 * CheckRunWindow across processes: the first process to take a slot in Redis starts the
 * in-progress check run, for `windowMs`. Two deliveries about one push (`opened` and
 * `synchronize` of the same head, handled by two processes at once) share a slot, so that a head
 * gets one check run however the deliveries are spread; a re-run request has a slot of its own.
 */
export class RedisCheckRunSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly windowMs = 5 * 60_000,
  ) {}

  async take(slot: CheckRunSlot): Promise<boolean> {
    const kind = slot.event.startsWith('pull_request.') ? 'pull_request' : slot.event;
    const key = this.keys.checkRunSlot(JSON.stringify([slot.pr, slot.headSha, slot.baseSha ?? '', kind]));
    return (await this.redis.set(key, '1', 'PX', this.windowMs, 'NX')) === 'OK';
  }
}
