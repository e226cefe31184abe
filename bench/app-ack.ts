/**
 * `npm run bench:app`: how fast the GitHub App acknowledges webhooks under load, and how much work a
 * burst leaves behind. The real App process (`npm start`'s entry) on loopback against the fake
 * GitHub API of the end-to-end test; `DELIVERIES` signed `pull_request` deliveries (default 200),
 * `IN_FLIGHT` at a time (default 50), spread round-robin over `PRS` pull requests (default 20), each
 * pushed `PUSHES` times (default 3) during the burst, so that older heads are superseded.
 *
 * The client has a thread of its own (the fake API's work must not delay its clock), and every
 * delivery is made and signed before the clock starts. The App is measured once past start-up, and
 * the same client against a server that answers at once gives the floor. Prints ack latency
 * percentiles (App and floor); per head, how many analyses the App started (downloads of the head's
 * tarball: every analysis downloads it once) and check runs it created; and the wall time from the
 * first delivery until every pull request has a completed check run for its latest head. At most
 * one analysis per head is the target, exactly one for each latest head.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { privateKey } from '../test/app/helpers/github.js';
import { makeTarball } from '../test/app/helpers/tarball.js';
import { Queue } from 'bullmq';
import { startRedis, type TestRedis } from '../test/app/helpers/redis.js';
import { startApp, waitFor, type AppProcess } from '../test/app/e2e/app-process.js';
import { startCluster, type Cluster } from '../test/app/e2e/fixture-app.js';
import { APP, FakeGitHub, person } from '../test/app/e2e/fake-github.js';
import { COMMITS } from '../test/app/e2e/fixture-repo.js';

const SECRET = 'bench-webhook-secret';
const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const total = env('DELIVERIES', 200);
const inFlight = env('IN_FLIGHT', 50);
const prs = env('PRS', 20);
const perPr = Math.ceil(total / prs);
const pushes = Math.min(env('PUSHES', 3), perPr);

/**
 * The client thread: POSTs the signed deliveries, `inFlight` at a time, and times each until its
 * answer. Plain node:http: fetch (undici) spends about 2 ms of the client's own thread per request,
 * which at 50 in flight is 100 ms of queueing that would be counted against the App. Connections
 * are kept alive (50 of them): opening one per delivery costs the client about as much again.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, inFlight, items } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
const latencies = [];
const statuses = [];
let next = 0;
function post(item) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(item.body);
    const req = http.request({
      host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-github-event': 'pull_request', 'x-github-delivery': item.id, 'x-hub-signature-256': item.signature, 'user-agent': 'GitHub-Hookshot/bench' },
    }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function sender() {
  while (next < items.length) {
    const item = items[next++];
    if (item.push) parentPort.postMessage({ push: item.push });
    const started = performance.now();
    const status = await post(item);
    latencies.push(performance.now() - started);
    statuses.push(status);
  }
}
Promise.all(Array.from({ length: inFlight }, sender)).then(() => parentPort.postMessage({ latencies, statuses }));
`;

/** A server that reads each body and answers at once, in a process of its own (as the App): the floor. */
const NULL_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => res.end('ok'));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const settleMs = Number(process.env.SETTLE_MS ?? 5_000);

/** POST every item from the client thread; `onPush(n, k)` when a push's first delivery goes out. */
async function burst(
  url: string,
  items: readonly object[],
  onPush?: (n: number, k: number) => void,
): Promise<{ latencies: number[]; statuses: number[] }> {
  const client = new Worker(CLIENT, { eval: true, workerData: { url, inFlight, items } });
  try {
    return await new Promise((resolve, reject) => {
      // The push happens when its first delivery goes out: GitHub sends `synchronize` after the push.
      client.on('message', (m: { push?: [number, number]; latencies?: number[]; statuses?: number[] }) => {
        if (m.push) onPush?.(m.push[0], m.push[1]);
        else resolve(m as { latencies: number[]; statuses: number[] });
      });
      client.on('error', reject);
    });
  } finally {
    await client.terminate();
  }
}

function percentiles(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
  return { p50: pct(50), p90: pct(90), p99: pct(99), max: Number(sorted.at(-1)!.toFixed(1)) };
}

const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
fake.config = 'reviewers:\n  users: [priv]\n';
const tars = await Promise.all(
  [COMMITS.v1, COMMITS.v2, COMMITS.v3].map((c) => makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` })),
);
fake.tarballs.set(COMMITS.base.sha, await makeTarball(COMMITS.base.files, { top: 'acme-shop-base' }));
// Pull request n's k-th head: its own sha, the tree of fixture commit v1, v2 or v3.
const headSha = (n: number, k: number) => `${n.toString(16).padStart(4, '0')}${k.toString(16).padStart(4, '0')}`.padEnd(40, 'a');
const numbers = Array.from({ length: prs }, (_, i) => i + 1);
for (const n of numbers) {
  fake.openPull(n);
  for (let k = 0; k < pushes; k++) fake.tarballs.set(headSha(n, k), tars[k % tars.length]!);
}

// The deliveries in order: round-robin over the pull requests; pull request n's j-th delivery is for its push k.
const plan: { n: number; k: number; first: boolean }[] = [];
for (let j = 0; j < perPr; j++) {
  for (const n of numbers) {
    if (plan.length === total) break;
    const k = Math.floor((j * pushes) / perPr);
    plan.push({ n, k, first: j === 0 || Math.floor(((j - 1) * pushes) / perPr) !== k });
  }
}

const apiPort = await fake.start();
// Settings: APP_LOG_LEVEL is the App's LOG_LEVEL (default warn; at info it logs every request);
// PRIVACY_REVIEW_ACK_FIRST=false answers after the handlers, as before; APP_NODE_ARGS are options
// for the App's Node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`); ACK_ONLY=1 stops after the
// acknowledgements, without waiting for the reviews; SETTLE_MS (default 5000) is the wait after
// start-up.
// WORKERS=n: the shared queue instead, on a Redis of its own (redis-server on the PATH, or
// PRIVACY_REVIEW_TEST_REDIS_URL): one web process answers, n worker processes review.
const ackOnly = process.env.ACK_ONLY === '1';
const workers = env('WORKERS', 0);
const appEnv = {
  APP_ID: String(APP.id),
  PRIVATE_KEY: privateKey(),
  WEBHOOK_SECRET: SECRET,
  GHE_HOST: `127.0.0.1:${apiPort}`,
  GHE_PROTOCOL: 'http',
  LOG_LEVEL: process.env.APP_LOG_LEVEL ?? (workers ? 'info' : 'warn'),
  ...(process.env.PRIVACY_REVIEW_ACK_FIRST ? { PRIVACY_REVIEW_ACK_FIRST: process.env.PRIVACY_REVIEW_ACK_FIRST } : {}),
};
let redis: TestRedis | undefined;
let cluster: Cluster | undefined;
let app: AppProcess;
if (workers) {
  redis = await startRedis();
  cluster = await startCluster(appEnv, redis, { webs: 1, workers });
  app = cluster.webs[0]!;
} else {
  app = await startApp(appEnv, process.env.APP_NODE_ARGS?.split(' ').filter(Boolean));
}
try {
  // The client runs on its own thread, with every body and signature made beforehand: the fake
  // GitHub API's work on this thread (it answers the App and validates every request) must not
  // delay the client's sending or its clock.
  const items = plan.map(({ n, k, first }, i) => {
    const pull = fake.pull(n);
    const body = JSON.stringify({
      action: i < prs ? 'opened' : 'synchronize',
      number: n,
      pull_request: { ...pull, head: { ...pull.head, sha: headSha(n, k) } },
      sender: person('dev'),
      repository: fake.repository(),
      installation: { id: 99 },
      organization: person('acme'),
    });
    return {
      id: `bench-${i}`,
      body,
      signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      ...(first ? { push: [n, k] } : {}),
    };
  });
  // A running App is past its start-up, when the first review worker loads the engine (seconds
  // of CPU on one of the two cores).
  await new Promise((r) => setTimeout(r, settleMs));
  // The client's floor: the same burst against a server that answers at once (after the App's
  // start-up, which would slow it down).
  const floorServer = spawn(process.execPath, ['-e', NULL_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const floorPort = await new Promise<number>((resolve) =>
    floorServer.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  );
  const unpushed = items.map(({ push: _, ...item }) => item);
  await burst(`http://127.0.0.1:${floorPort}/`, unpushed); // warm-up: a fresh process's first requests run cold
  const floor = await burst(`http://127.0.0.1:${floorPort}/`, unpushed);
  floorServer.kill();
  const started = performance.now();
  const result = await burst(`http://127.0.0.1:${app.port}/api/github/webhooks`, items, (n, k) => fake.push(headSha(n, k), n));
  const ackWall = performance.now() - started;
  const failed = result.statuses.filter((s) => s !== 200).length;
  const latest = numbers.map((n) => fake.state(n)!.head);
  if (!ackOnly)
    await waitFor('every latest head’s review', () => latest.every((sha) => fake.latestRun(sha)?.status === 'completed'), 600_000);
  const wall = performance.now() - started;
  const shared = cluster && redis ? await sharedFigures(cluster, redis, items[0]!.body, wall) : undefined;

  const heads = numbers.flatMap((n) => Array.from({ length: pushes }, (_, k) => headSha(n, k)));
  const downloads = (sha: string) => fake.requests.filter((r) => r === `GET /_codeload/acme/shop/${sha}`).length;
  const analyses = heads.map(downloads);
  const runs = heads.map((sha) => fake.checkRuns.filter((r) => r.head_sha === sha).length);
  const count = (xs: number[]) => xs.reduce<Record<number, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});
  const conclusions: Record<string, number> = {};
  for (const sha of latest) {
    const c = fake.latestRun(sha)?.conclusion ?? 'none';
    conclusions[c] = (conclusions[c] ?? 0) + 1;
  }
  console.log(
    JSON.stringify({
      deliveries: plan.length,
      inFlight,
      prs,
      pushesPerPr: pushes,
      failed,
      ackMs: percentiles(result.latencies),
      // The same client against a server that answers at once: what the client itself adds.
      clientFloorMs: percentiles(floor.latencies),
      allAckedMs: Math.round(ackWall),
      // How many heads got 0, 1, 2, ... analyses (tarball downloads of the head) and check runs.
      analysesPerHead: count(analyses),
      analysesPerLatestHead: count(latest.map(downloads)),
      maxAnalysesPerHead: Math.max(...analyses),
      analysesTotal: analyses.reduce((a, b) => a + b, 0),
      checkRunsPerHead: count(runs),
      latestHeadConclusions: conclusions,
      wallMs: Math.round(wall),
      violations: fake.violations.length,
      // GitHub API requests (every route, tarballs included) per review published.
      apiRequestsPerReview: Math.round((fake.requests.length / Math.max(1, published())) * 10) / 10,
      ...(shared ? { shared } : {}),
    }),
  );
} finally {
  await (cluster ? cluster.stop() : app.stop());
  await redis?.stop();
  await fake.stop();
}

function published(): number {
  const outputs = cluster ? cluster.workers.map((w) => w.output()) : [app.output()];
  return outputs.reduce((n, out) => n + out.split('privacy review published').length - 1, 0);
}

/** Reviews per minute per worker, and the Redis memory one queued delivery takes (1,000 stored, then measured). */
async function sharedFigures(c: Cluster, r: TestRedis, body: string, wallMs: number) {
  const reviews = published();
  const client = r.client();
  const used = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
  const probe = new Queue('memory-probe', { connection: client, prefix: `${r.prefix}-probe` });
  const before = await used();
  for (let i = 0; i < 1000; i++) await probe.add('delivery', { id: `probe-${i}`, name: 'pull_request', body }, { removeOnComplete: true });
  const perJob = Math.round(((await used()) - before) / 1000);
  await probe.obliterate({ force: true });
  await probe.close();
  return {
    workers: c.workers.length,
    reviewsPublished: reviews,
    reviewsPerMinutePerWorker: Math.round((reviews / (wallMs / 60_000) / c.workers.length) * 10) / 10,
    redisBytesPerQueuedDelivery: perJob,
    deliveryBodyBytes: body.length,
  };
}
