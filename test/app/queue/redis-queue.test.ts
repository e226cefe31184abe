import { createServer, type Server } from 'node:http';
import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeWithRedis, startRedis, type TestRedis } from '../helpers/redis.js';
import { freePort } from '../e2e/app-process.js';
import type { Analysis } from '../../../src/app/pipeline/analyze.js';
import { SharedAnalysisStore } from '../../../src/app/queue/redis/analysis-cache.js';
import { RedisCheckRunSlots } from '../../../src/app/queue/redis/check-run-slots.js';
import { connect, connectFailFast } from '../../../src/app/queue/redis/connection.js';
import { consumeDeliveries, storeDelivery } from '../../../src/app/queue/redis/deliveries.js';
import { deliveryContext } from '../../../src/app/queue/redis/delivery-context.js';
import { redisKeys, type RedisKeys } from '../../../src/app/queue/redis/keys.js';
import { RedisReviewQueue } from '../../../src/app/queue/redis/review-queue.js';
import { RedisReviewWorker } from '../../../src/app/queue/redis/review-worker.js';
import { JobAborted } from '../../../src/app/queue/types.js';
import { redisHealth } from '../../../src/app/ops/health.js';
import { prometheusMetrics, recordReviewDuration } from '../../../src/app/ops/metrics.js';
import { sharedRoutes } from '../../../src/app/roles/routes.js';

/**
 * The shared queue's parts against a real Redis (no mock of it), several "processes" as several
 * sets of connections in this one: what each promises across processes.
 */
interface P {
  head: string;
  events: string[];
}
const merge = (a: P, b: P): P => ({ head: b.head, events: [...a.events, ...b.events] });
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithRedis('the shared queue on Redis', () => {
  let redis: TestRedis;
  let n = 0;
  const cleanups: (() => Promise<unknown>)[] = [];
  const fresh = () => redisKeys(`${redis.prefix}-${++n}`);

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const client = () => {
    const c = connect(redis.url, 'test');
    cleanups.push(async () => c.disconnect());
    return c;
  };
  const queueOf = (keys: RedisKeys, name: string) => {
    const q = new Queue(name, { connection: client(), prefix: keys.prefix });
    cleanups.push(() => q.close());
    return q;
  };

  /** One worker "process": its connections, its worker, what it ran. */
  function workerProcess(
    keys: RedisKeys,
    run: (p: P, signal: AbortSignal) => Promise<void>,
    options: { lockMs?: number; name?: string } = {},
  ) {
    const w = new RedisReviewWorker<P>({
      redis: client(),
      subscriber: client(),
      workerConnection: client(),
      keys,
      reviews: queueOf(keys, keys.reviewsQueue),
      run,
      merge,
      concurrency: 2,
      timeoutMs: 60_000,
      lockMs: options.lockMs ?? 3_000,
      name: options.name ?? 'w',
    });
    w.worker.on('error', () => undefined); // connections closed under it at the end of a test
    cleanups.push(() => w.close(100));
    return w;
  }
  const webProcess = (keys: RedisKeys) =>
    new RedisReviewQueue<P>({
      redis: client(),
      keys,
      reviews: queueOf(keys, keys.reviewsQueue),
      merge,
      covers: (running, incoming) => running.head === incoming.head,
      supersedes: (running, incoming) => running.head !== incoming.head,
      dedupeMs: 60_000,
    });

  test('a delivery is answered only once it is stored in Redis; 503 when Redis is away', async () => {
    const keys = fresh();
    const deliveries = queueOf(keys, keys.deliveriesQueue);
    const stored: number[] = [];
    const routes = sharedRoutes({
      webhookPath: '/api/github/webhooks',
      store: async (d) => {
        await storeDelivery(deliveries, d);
        stored.push((await deliveries.getJobCounts('waiting')).waiting);
      },
      health: async () => ({ ok: true }),
      metrics: async () => '',
      log: silent,
    });
    const server: Server = createServer((req, res) => {
      (req as typeof req & { body?: string }).body = '{"action":"opened"}';
      void routes(req, res).then((taken) => taken || res.writeHead(404).end());
    });
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const post = () =>
      fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'x-github-event': 'pull_request', 'x-github-delivery': 'd-1' },
        body: '{}',
      });
    const answer = await post();
    expect(answer.status).toBe(200);
    // By the time of the answer the delivery was a job in Redis.
    expect(stored).toEqual([1]);
    const job = (await deliveries.getJobs(['waiting']))[0]!;
    expect(job.data).toEqual({ id: 'd-1', name: 'pull_request', body: '{"action":"opened"}' });

    // Redis away: the store fails at once (a fail-fast connection), and the answer says so.
    const refused = sharedRoutes({
      webhookPath: '/h',
      store: async () => {
        throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      },
      health: async () => ({ ok: false }),
      metrics: async () => '',
      log: silent,
    });
    const res = {
      status: 0,
      writeHead(s: number) {
        this.status = s;
        return this;
      },
      end() {},
      setHeader() {},
    };
    const req = { method: 'POST', url: '/h', headers: { 'x-github-event': 'ping', 'x-github-delivery': 'd-2' }, body: '{}' };
    expect(await refused(req as never, res as never)).toBe(true);
    expect(res.status).toBe(503);
  }, 30_000);

  test('a redelivered webhook is handled once across processes, until the record expires', async () => {
    const keys = fresh();
    const deliveries = queueOf(keys, keys.deliveriesQueue);
    const handled: string[] = [];
    const consumers: Worker[] = [1, 2].map((i) =>
      consumeDeliveries({
        connection: client(),
        redis: client(),
        keys,
        deliveries,
        receive: async (e) => void handled.push(`${e.id}@${i}`),
        dedupeMs: 1_500,
        lockMs: 5_000,
        log: silent,
        name: `web-${i}`,
      }),
    );
    for (const c of consumers) cleanups.push(() => c.close());
    for (let i = 0; i < 6; i++) await storeDelivery(deliveries, { id: 'same-id', name: 'pull_request', body: '{}' });
    await storeDelivery(deliveries, { id: 'other-id', name: 'pull_request', body: '{}' });
    await waitUntil(
      async () => (await deliveries.getJobCounts('waiting', 'active')).waiting + (await deliveries.getJobCounts('active')).active === 0,
    );
    expect(handled.map((h) => h.split('@')[0]).sort()).toEqual(['other-id', 'same-id']);
    await sleep(1_700);
    await storeDelivery(deliveries, { id: 'same-id', name: 'pull_request', body: '{}' });
    await waitUntil(async () => handled.length === 3);
    expect(handled.filter((h) => h.startsWith('same-id'))).toHaveLength(2);
  }, 30_000);

  test('one review per pull request across workers; waiting events fold into one review, the newest head wins', async () => {
    const keys = fresh();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const run = (who: string) => async (p: P) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`${who}:${p.head}:${p.events.join('+')}`);
      await sleep(400);
      running--;
    };
    workerProcess(keys, run('a'), { name: 'a' });
    workerProcess(keys, run('b'), { name: 'b' });
    const web1 = webProcess(keys);
    const web2 = webProcess(keys);
    expect(await web1.enqueue({ key: 'pr#1', payload: { head: 'h1', events: ['e1'] } })).toBe('queued');
    await waitUntil(async () => log.length === 1);
    // While h1 runs: h2 and h3 arrive through both web processes, and are folded into one review of h3.
    expect(await web2.enqueue({ key: 'pr#1', payload: { head: 'h2', events: ['e2'] } })).toBe('deferred');
    expect(await web1.enqueue({ key: 'pr#1', payload: { head: 'h3', events: ['e3'] } })).toBe('merged');
    expect((await web2.peek('pr#1')).queued).toEqual({ head: 'h3', events: ['e2', 'e3'] });
    await waitUntil(async () => log.length === 2);
    await web1.idle();
    expect(maxRunning).toBe(1);
    expect(log.map((l) => l.split(':').slice(1).join(':'))).toEqual(['h1:e1', 'h3:e2+e3']);
  }, 30_000);

  test('a newer push stops the running review wherever it runs; the same head again is covered', async () => {
    const keys = fresh();
    const outcomes: string[] = [];
    workerProcess(keys, async (p, signal) => {
      if (p.head !== 'old') return void outcomes.push(`${p.head} done`);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      outcomes.push(`${p.head} ${(signal.reason as JobAborted).reason}`);
    });
    const web = webProcess(keys);
    await web.enqueue({ key: 'pr#2', payload: { head: 'old', events: ['push'] } });
    await waitUntil(async () => (await web.peek('pr#2')).running !== undefined);
    expect(await web.enqueue({ key: 'pr#2', payload: { head: 'old', events: ['again'] } })).toBe('duplicate');
    expect(await web.enqueue({ key: 'pr#2', payload: { head: 'new', events: ['push'] } })).toBe('deferred');
    await waitUntil(async () => outcomes.length === 2);
    expect(outcomes).toEqual(['old superseded', 'new done']);
  }, 30_000);

  test('a review that fails is reported by the App and not retried', async () => {
    const keys = fresh();
    let runs = 0;
    workerProcess(keys, async () => {
      runs++;
      throw new Error('invalid manifest');
    });
    const web = webProcess(keys);
    await web.enqueue({ key: 'pr#3', payload: { head: 'h', events: [] } });
    await web.idle();
    await sleep(500);
    expect(runs).toBe(1);
    expect(await queueOf(keys, keys.reviewsQueue).getJobCounts('failed', 'completed')).toEqual({ failed: 0, completed: 1 });
  }, 30_000);

  test('shutdown finishes a short review and hands a long one back to another worker', async () => {
    const keys = fresh();
    const done: string[] = [];
    const leaving = workerProcess(
      keys,
      async (p, signal) => {
        await sleep(p.head === 'short' ? 200 : 60_000);
        if (!signal.aborted) done.push(`${p.head}@leaving`);
      },
      { name: 'leaving' },
    );
    const web = webProcess(keys);
    await web.enqueue({ key: 'pr#short', payload: { head: 'short', events: [] } });
    await web.enqueue({ key: 'pr#long', payload: { head: 'long', events: [] } });
    await waitUntil(async () => leaving.running === 2);
    await leaving.close(1_000);
    expect(done).toEqual(['short@leaving']);
    workerProcess(keys, async (p) => void done.push(`${p.head}@other`), { name: 'other' });
    await waitUntil(async () => done.length === 2);
    expect(done).toEqual(['short@leaving', 'long@other']);
  }, 30_000);

  test('the check-run slot of a head is taken once across processes; a re-run has its own', async () => {
    const keys = fresh();
    const [a, b] = [new RedisCheckRunSlots(client(), keys), new RedisCheckRunSlots(client(), keys)];
    const slot = { pr: 'o/r#1', headSha: 'abc', baseSha: 'def', event: 'pull_request.opened' };
    expect(await a.take(slot)).toBe(true);
    expect(await b.take({ ...slot, event: 'pull_request.synchronize' })).toBe(false);
    expect(await b.take({ ...slot, event: 'check_run.rerequested' })).toBe(true);
    expect(await a.take({ ...slot, headSha: 'abd' })).toBe(true);
  });

  test('a delivery handled again after its process died finds the check-run slot its own (the run may exist); others do not', async () => {
    const keys = fresh();
    const [a, b] = [new RedisCheckRunSlots(client(), keys), new RedisCheckRunSlots(client(), keys)];
    const slot = { pr: 'o/r#2', headSha: 'abc', event: 'pull_request.synchronize' };
    expect(await deliveryContext.run({ job: 'delivery-job:7' }, () => a.take(slot))).toBe(true);
    expect(await deliveryContext.run({ job: 'delivery-job:7' }, () => b.take(slot))).toBe('again');
    expect(await deliveryContext.run({ job: 'delivery-job:8' }, () => b.take(slot))).toBe(false);
    expect(await b.take(slot)).toBe(false);
  });

  test('analyses are shared per commit pair across workers, bounded in number and size, and expire', async () => {
    const keys = fresh();
    const settings = { entries: 3, ttlMs: 1_500, maxBytes: 4_000 };
    const [one, two] = [
      new SharedAnalysisStore(client(), keys, settings, silent),
      new SharedAnalysisStore(client(), keys, settings, silent),
    ];
    const analysis = (tag: string, size = 10) =>
      ({ review: { tag }, prepared: { text: 'x'.repeat(size) }, asked: [tag] }) as unknown as Analysis;

    const first = await one.forPull('o/r#1');
    expect(first.get('1:base:head:cfg')).toBeUndefined();
    first.set('1:base:head:cfg', analysis('a'));
    await one.flushed();
    // Another worker, an approval event on the same pull request: the analysis is there.
    expect((await two.forPull('o/r#1')).get('1:base:head:cfg')).toEqual(analysis('a'));

    // Too large: not stored.
    (await one.forPull('o/r#9')).set('big', analysis('big', 10_000));
    await one.flushed();
    expect((await two.forPull('o/r#9')).get('big')).toBeUndefined();

    // At most three: the oldest goes.
    for (const pr of [2, 3, 4]) (await one.forPull(`o/r#${pr}`)).set(`k${pr}`, analysis(`k${pr}`));
    await one.flushed();
    const c = client();
    expect(await c.zcard(keys.analysisIndex)).toBe(3);
    expect(await c.exists(keys.analysis('1:base:head:cfg'))).toBe(0);
    expect((await two.forPull('o/r#4')).get('k4')).toEqual(analysis('k4'));

    await sleep(1_700);
    expect((await two.forPull('o/r#4')).get('k4')).toBeUndefined();
  }, 30_000);

  test('/health says whether Redis answers; /metrics gives queue counts and review durations in Prometheus text', async () => {
    const keys = fresh();
    const c: Redis = client();
    expect(await redisHealth(c)).toEqual({ ok: true });
    const away = connectFailFast('redis://127.0.0.1:1', 'away');
    away.on('error', () => undefined);
    cleanups.push(async () => away.disconnect());
    expect(await redisHealth(away)).toEqual({ ok: false, reason: expect.stringMatching(/^Redis unreachable/) });

    const reviews = queueOf(keys, keys.reviewsQueue);
    const deliveries = queueOf(keys, keys.deliveriesQueue);
    await reviews.add('review', { key: 'x' });
    await recordReviewDuration(c, keys, 3.5);
    await recordReviewDuration(c, keys, 42);
    const text = await prometheusMetrics(c, keys, [reviews, deliveries]);
    expect(text).toContain('bullmq_job_count{queue="reviews", state="waiting"} 1');
    expect(text).toContain('bullmq_job_count{queue="deliveries", state="waiting"} 0');
    expect(text.match(/^# TYPE bullmq_job_count gauge$/gm)).toHaveLength(1);
    expect(text).toContain('privacy_review_review_duration_seconds_bucket{le="5"} 1');
    expect(text).toContain('privacy_review_review_duration_seconds_bucket{le="60"} 2');
    expect(text).toContain('privacy_review_review_duration_seconds_count 2');
    expect(text).toContain('privacy_review_review_duration_seconds_sum 45.5');
  });
});

async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}
