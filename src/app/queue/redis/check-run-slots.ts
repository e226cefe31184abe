import type { Redis } from 'ioredis';
import type { CheckRunSlot, SlotTaken } from '../../events/check-run-window.js';
import { deliveryContext } from './delivery-context.js';
import type { RedisKeys } from './keys.js';

/**
 * CheckRunWindow across processes: the first process to take a slot in Redis starts the
 * in-progress check run, for `windowMs`. Two deliveries about one push (`opened` and
 * `synchronize` of the same head, handled by two processes at once) share a slot, so that a head
 * gets one check run however the deliveries are spread; a re-run request has a slot of its own.
 * The slot belongs to the delivery job that took it: when that job is handled again (its web
 * process died after taking the slot), it finds the slot its own (`again`).
 */
export class RedisCheckRunSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly windowMs = 5 * 60_000,
  ) {}

  async take(slot: CheckRunSlot): Promise<SlotTaken> {
    const kind = slot.event.startsWith('pull_request.') ? 'pull_request' : slot.event;
    const key = this.keys.checkRunSlot(JSON.stringify([slot.pr, slot.headSha, slot.baseSha ?? '', kind]));
    const owner = deliveryContext.getStore()?.job;
    if ((await this.redis.set(key, owner ?? '1', 'PX', this.windowMs, 'NX')) === 'OK') return true;
    return owner !== undefined && (await this.redis.get(key)) === owner ? 'again' : false;
  }
}
