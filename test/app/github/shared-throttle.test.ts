import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { ProbotOctokit } from 'probot';
import { sharedThrottle, type SharedThrottle } from '../../../src/app/github/shared-throttle.js';
import { describeWithRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/**
 * GitHub's limits per installation hold across worker processes: two clients with throttles of
 * their own (as two processes have), acting for the same installation, wait for each other
 * between comments (three seconds, as GitHub asks of requests that notify people); with
 * different prefixes (two Apps) they do not.
 */
describeWithRedis('GitHub request throttling shared through Redis', () => {
  let redis: TestRedis;
  let server: http.Server;
  let baseUrl: string;
  const arrivals: number[] = [];
  const clients: Redis[] = [];
  const throttles: SharedThrottle[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    server = http.createServer((req, res) => {
      arrivals.push(Date.now());
      req.resume();
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const t of throttles) await t.connection.disconnect(false);
    await new Promise((r) => server.close(r));
    await redis.stop();
  });

  const client = (prefix: string) => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    clients.push(connection);
    const throttle = sharedThrottle(connection, prefix, () => undefined);
    throttles.push(throttle);
    return new ProbotOctokit({
      baseUrl,
      auth: 'token',
      retry: { enabled: false },
      throttle: { ...throttle, Bottleneck, id: '42', onRateLimit: () => false, onSecondaryRateLimit: () => false },
    } as never);
  };
  const comment = (octokit: InstanceType<typeof ProbotOctokit>) =>
    octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'acme',
      repo: 'shop',
      issue_number: 1,
      body: 'x',
    });

  test("two processes of one App: the second comment waits for the first one's interval", async () => {
    arrivals.length = 0;
    const prefix = `${redis.prefix}:same:`;
    await Promise.all([comment(client(prefix)), comment(client(prefix))]);
    expect(arrivals).toHaveLength(2);
    expect(Math.abs(arrivals[1]! - arrivals[0]!)).toBeGreaterThanOrEqual(2_500);
  }, 30_000);

  test('two Apps (different prefixes): no waiting on each other', async () => {
    arrivals.length = 0;
    await Promise.all([comment(client(`${redis.prefix}:one:`)), comment(client(`${redis.prefix}:two:`))]);
    expect(arrivals).toHaveLength(2);
    expect(Math.abs(arrivals[1]! - arrivals[0]!)).toBeLessThan(2_000);
  }, 30_000);
});
