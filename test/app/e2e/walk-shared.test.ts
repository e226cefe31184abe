import { describeWithRedis, startRedis, type TestRedis } from '../helpers/redis.js';
import { deliver } from './app-process.js';
import type { FakeGitHub } from './fake-github.js';
import { startCluster, startFixtureGitHub, type Cluster } from './fixture-app.js';
import { walk } from './walk-scenario.js';

/**
 * The end-to-end walk on the shared queue: two web processes (deliveries alternate between them)
 * and two worker processes, one Redis, the fake GitHub.
 */
const SECRET = 'e2e-shared-secret';

describeWithRedis('the walk on web and worker processes sharing Redis', () => {
  let redis: TestRedis;
  let fake: FakeGitHub;
  let cluster: Cluster;
  let delivery = 0;

  beforeAll(async () => {
    redis = await startRedis();
    const started = await startFixtureGitHub(SECRET, { config: 'reviewers:\n  users: [priv]\n' });
    fake = started.fake;
    cluster = await startCluster(started.appEnv, redis, { webs: 2, workers: 2 });
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await fake?.stop();
    await redis?.stop();
  });

  test('the walk', async () => {
    const web = (n = ++delivery) => cluster.webs[n % cluster.webs.length]!;
    const all = () => [...cluster.webs, ...cluster.workers].map((p) => p.output()).join('\n');
    await walk({
      fake,
      send: (event, payload) => {
        const n = ++delivery;
        return deliver(web(n).port, SECRET, event, payload, `e2e-${n}`);
      },
      forged: (secret, event, payload, id) => deliver(web().port, secret, event, payload, id),
      output: all,
    });
    // The reviews ran on the workers, the webhooks were answered by the web processes.
    expect(cluster.workers.map((w) => w.output()).join('\n')).toContain('privacy review published');
    expect(cluster.webs.map((w) => w.output()).join('\n')).not.toContain('privacy review published');
  }, 300_000);
});
