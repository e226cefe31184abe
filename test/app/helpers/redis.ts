import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../e2e/app-process.js';

/**
 * A real Redis for the shared-queue tests. CI (`.ci/run`) starts one and exports its URL as
 * PRIVACY_REVIEW_TEST_REDIS_URL; locally, a `redis-server` on the PATH is started on a free
 * loopback port in a temporary directory, without persistence, and stopped afterwards. With
 * neither, the tests are skipped with the reason, except in CI (CI=true), where they fail.
 */
export interface TestRedis {
  url: string;
  /** A fresh key prefix: tests sharing one Redis do not see each other's keys. */
  prefix: string;
  client(): Redis;
  stop(): Promise<void>;
}

const binary = () =>
  spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim() ||
  (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : '');

/** Why the Redis tests cannot run here, or undefined when they can. */
export function redisUnavailable(): string | undefined {
  if (process.env.PRIVACY_REVIEW_TEST_REDIS_URL) return undefined;
  if (binary()) return undefined;
  const reason = 'no Redis: set PRIVACY_REVIEW_TEST_REDIS_URL or install redis-server (apt-get install redis-server)';
  if (process.env.CI === 'true') throw new Error(`${reason}; CI always runs the shared-queue tests`);
  return reason;
}

/** `describe` when Redis is available, else a skipped one that says why. */
export function describeWithRedis(name: string, body: () => void): void {
  const reason = redisUnavailable();
  if (reason) describe.skip(`${name} (skipped: ${reason})`, body);
  else describe(name, body);
}

export async function startRedis(): Promise<TestRedis> {
  const clients: Redis[] = [];
  const client = (url: string) => () => {
    const c = new Redis(url, { maxRetriesPerRequest: null });
    clients.push(c);
    return c;
  };
  const closeClients = async () => {
    await Promise.allSettled(clients.map((c) => c.quit()));
  };
  const prefix = `t-${randomUUID().slice(0, 8)}`;
  const given = process.env.PRIVACY_REVIEW_TEST_REDIS_URL;
  if (given) return { url: given, prefix, client: client(given), stop: closeClients };

  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-redis-'));
  const child: ChildProcess = spawn(
    binary(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not start on port ${port}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  probe.disconnect();
  return {
    url,
    prefix,
    client: client(url),
    stop: async () => {
      await closeClients();
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
