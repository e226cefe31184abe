import { deserialize, serialize } from 'node:v8';
import type { Redis } from 'ioredis';
import { AnalysisCache, type Analysis } from '../../pipeline/analyze.js';
import type { Log } from '../../pipeline/run-job.js';
import type { RedisKeys } from './keys.js';

export interface SharedCacheSettings {
  /** Analyses kept at most (the oldest go first). */
  entries: number;
  ttlMs: number;
  /** An analysis larger than this (serialized) is not stored. */
  maxBytes: number;
}

/** Analyses of a pull request remembered for it (the latest push and the one before). */
const PER_PULL = 2;

/**
 * Analyses per commit pair in Redis, shared by every worker: an approval event handled on another
 * worker than the push reuses the analysis instead of downloading and reviewing again. Bounded in
 * number (the oldest are evicted) and in size per entry, and each expires. A job reads the
 * analyses of its pull request before it starts (`forPull`), so that the job's cache answers at
 * once; what the job stores goes to Redis.
 */
export class SharedAnalysisStore {
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly settings: SharedCacheSettings,
    private readonly log: Log,
  ) {}

  /** A cache for one job of pull request `pull` (`owner/repo#n`), holding what Redis has for it. */
  async forPull(pull: string): Promise<AnalysisCache> {
    const cache = new PullCache(this, pull);
    try {
      const names = await this.redis.lrange(this.keys.analysisOfPull(pull), 0, PER_PULL - 1);
      for (const name of names) {
        const bytes = await this.redis.getBuffer(this.keys.analysis(name));
        if (bytes) cache.preload(name, deserialize(bytes) as Analysis);
      }
    } catch (e) {
      this.log.warn({ reason: e instanceof Error ? e.message : String(e) }, 'shared analysis cache unreadable; the job analyzes again');
    }
    return cache;
  }

  /** Store an analysis (in the background; `flushed()` waits for it). */
  save(pull: string, name: string, analysis: Analysis): void {
    const write = this.write(pull, name, analysis).catch((e: unknown) =>
      this.log.warn({ reason: e instanceof Error ? e.message : String(e) }, 'could not store the analysis in the shared cache'),
    );
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }

  async flushed(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  private async write(pull: string, name: string, analysis: Analysis): Promise<void> {
    const bytes = serialize(analysis);
    if (bytes.length > this.settings.maxBytes) {
      this.log.info({ bytes: bytes.length, limit: this.settings.maxBytes }, 'analysis too large for the shared cache');
      return;
    }
    const { keys, settings } = this;
    const now = Date.now();
    await this.redis
      .multi()
      .set(keys.analysis(name), bytes, 'PX', Math.round(settings.ttlMs))
      .zadd(keys.analysisIndex, now, name)
      .lrem(keys.analysisOfPull(pull), 0, name)
      .lpush(keys.analysisOfPull(pull), name)
      .ltrim(keys.analysisOfPull(pull), 0, PER_PULL - 1)
      .pexpire(keys.analysisOfPull(pull), Math.round(settings.ttlMs))
      .zremrangebyscore(keys.analysisIndex, '-inf', now - settings.ttlMs)
      .exec();
    const excess = (await this.redis.zcard(keys.analysisIndex)) - settings.entries;
    if (excess > 0) {
      const evicted = (await this.redis.zpopmin(keys.analysisIndex, excess)).filter((_, i) => i % 2 === 0);
      if (evicted.length) await this.redis.del(...evicted.map((n) => keys.analysis(n)));
    }
  }
}

/** A job's view: answers from what was read before the job, stores through to Redis. */
class PullCache extends AnalysisCache {
  constructor(
    private readonly store: SharedAnalysisStore,
    private readonly pull: string,
  ) {
    super(PER_PULL + 1);
  }

  preload(name: string, analysis: Analysis): void {
    super.set(name, analysis);
  }

  override set(name: string, analysis: Analysis): void {
    super.set(name, analysis);
    this.store.save(this.pull, name, analysis);
  }
}
