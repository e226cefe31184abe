import Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';

/**
 * Octokit's throttling groups kept in Redis (Bottleneck's cluster mode), so that the limits per
 * installation (ten requests at once, one write at a time and a second apart, three seconds between
 * requests that notify people, two between searches) hold across every worker process acting for
 * the same installation instead of once per process. The plugin would make its groups once per
 * process from the first client's options (Probot's own, without Redis), so they are made here and
 * handed to every installation client; the settings are the plugin's.
 */
export interface SharedThrottle {
  connection: Bottleneck.IORedisConnection;
  global: Bottleneck.Group;
  auth: Bottleneck.Group;
  search: Bottleneck.Group;
  write: Bottleneck.Group;
  notifications: Bottleneck.Group;
}

/** How long Redis keeps an idle installation's limiter (the plugin's default). */
const TIMEOUT_MS = 2 * 60_000;

export function sharedThrottle(client: Redis, prefix: string, onError: (e: Error) => void): SharedThrottle {
  const connection = new Bottleneck.IORedisConnection({ client: client as never });
  connection.on('error', onError);
  const group = (name: string, options: Bottleneck.ConstructorOptions) =>
    new Bottleneck.Group({ id: `${prefix}octokit-${name}`, connection, timeout: TIMEOUT_MS, ...options });
  return {
    connection,
    global: group('global', { maxConcurrent: 10 }),
    auth: group('auth', { maxConcurrent: 1 }),
    search: group('search', { maxConcurrent: 1, minTime: 2_000 }),
    write: group('write', { maxConcurrent: 1, minTime: 1_000 }),
    notifications: group('notifications', { maxConcurrent: 1, minTime: 3_000 }),
  };
}
