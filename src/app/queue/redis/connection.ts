import { Redis } from 'ioredis';

/**
 * A Redis client from a redis:// or rediss:// URL (ioredis reads user, password, database and TLS
 * from it). `maxRetriesPerRequest: null`: BullMQ's workers block on Redis and must wait through a
 * reconnection instead of failing; commands sent while Redis is away wait too.
 */
export function connect(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

/** A client whose commands fail at once while Redis is away: the webhook answer and `/health` must not hang. */
export function connectFailFast(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: name, connectTimeout: 2_000 });
}
