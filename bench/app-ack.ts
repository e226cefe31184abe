/**
 * `npm run bench:app`: how fast the GitHub App acknowledges webhooks under load, and how much work a
 * burst leaves behind. The real App process (`npm start`'s entry) on loopback against the fake
 * GitHub API of the end-to-end test; `DELIVERIES` signed `pull_request` deliveries (default 200),
 * `IN_FLIGHT` at a time (default 50), spread round-robin over `PRS` pull requests (default 20), each
 * pushed `PUSHES` times (default 3) during the burst, so that older heads are superseded.
 *
 * The client has a thread of its own (the fake API's work must not delay its clock), and
 * every delivery is made and signed before the clock starts. Prints ack latency percentiles; per head, how many analyses the App started (downloads of the
 * head's tarball: every analysis downloads it once) and check runs it created; and the wall time
 * from the first delivery until every pull request has a completed check run for its latest head.
 * At most one analysis per head is the target, exactly one for each latest head.
 */
import { createHmac } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { privateKey } from '../test/app/helpers/github.js';
import { makeTarball } from '../test/app/helpers/tarball.js';
import { startApp, waitFor } from '../test/app/e2e/app-process.js';
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

/** The client thread: POSTs the signed deliveries, `inFlight` at a time, and times each until its answer. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, inFlight, items } = workerData;
const latencies = [];
const statuses = [];
let next = 0;
async function sender() {
  while (next < items.length) {
    const item = items[next++];
    if (item.push) parentPort.postMessage({ push: item.push });
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': item.id, 'x-hub-signature-256': item.signature, 'user-agent': 'GitHub-Hookshot/bench' },
      body: item.body,
    });
    await res.text();
    latencies.push(performance.now() - started);
    statuses.push(res.status);
  }
}
Promise.all(Array.from({ length: inFlight }, sender)).then(() => parentPort.postMessage({ latencies, statuses }));
`;

const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
fake.config = 'reviewers:\n  users: [priv]\n';
const tars = await Promise.all([COMMITS.v1, COMMITS.v2, COMMITS.v3].map((c) => makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` })));
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
const app = await startApp({ APP_ID: String(APP.id), PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: SECRET, GHE_HOST: `127.0.0.1:${apiPort}`, GHE_PROTOCOL: 'http', LOG_LEVEL: 'warn' });
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
    return { id: `bench-${i}`, body, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`, ...(first ? { push: [n, k] } : {}) };
  });
  const started = performance.now();
  const client = new Worker(CLIENT, { eval: true, workerData: { url: `http://127.0.0.1:${app.port}/api/github/webhooks`, inFlight, items } });
  const result = await new Promise<{ latencies: number[]; statuses: number[] }>((resolve, reject) => {
    // The push happens when its first delivery goes out: GitHub sends `synchronize` after the push.
    client.on('message', (m: { push?: [number, number]; latencies?: number[]; statuses?: number[] }) => {
      if (m.push) fake.push(headSha(m.push[0], m.push[1]), m.push[0]);
      else resolve(m as { latencies: number[]; statuses: number[] });
    });
    client.on('error', reject);
  });
  const ackWall = performance.now() - started;
  await client.terminate();
  const latencies = result.latencies;
  const failed = result.statuses.filter((s) => s !== 200).length;
  const latest = numbers.map((n) => fake.state(n)!.head);
  await waitFor('every latest head’s review', () => latest.every((sha) => fake.latestRun(sha)?.status === 'completed'), 600_000);
  const wall = performance.now() - started;

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1));
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
      ackMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: Number(latencies.at(-1)!.toFixed(1)) },
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
    }),
  );
} finally {
  await app.stop();
  await fake.stop();
}
