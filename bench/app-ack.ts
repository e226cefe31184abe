/**
 * `npm run bench:app`: how fast the GitHub App acknowledges webhooks under load, and how much work a
 * burst leaves behind. The real App process (`npm start`'s entry) on loopback against the fake
 * GitHub API of the end-to-end test; `DELIVERIES` signed `pull_request` deliveries (default 200),
 * `IN_FLIGHT` at a time (default 50), all for the same pull request head. Prints ack latency
 * percentiles and how many check runs (analyses) that head got: it should be one.
 */
import { privateKey } from '../test/app/helpers/github.js';
import { makeTarball } from '../test/app/helpers/tarball.js';
import { deliver, startApp, waitFor } from '../test/app/e2e/app-process.js';
import { APP, FakeGitHub, person } from '../test/app/e2e/fake-github.js';
import { COMMITS } from '../test/app/e2e/fixture-repo.js';

const SECRET = 'bench-webhook-secret';
const total = Number(process.env.DELIVERIES ?? 200);
const inFlight = Number(process.env.IN_FLIGHT ?? 50);

const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
fake.config = 'reviewers:\n  users: [priv]\n';
for (const c of Object.values(COMMITS)) fake.tarballs.set(c.sha, await makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` }));
const apiPort = await fake.start();
const app = await startApp({ APP_ID: String(APP.id), PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: SECRET, GHE_HOST: `127.0.0.1:${apiPort}`, GHE_PROTOCOL: 'http', LOG_LEVEL: 'warn' });
try {
  fake.push(COMMITS.v1.sha);
  const payload = () => ({ action: 'synchronize', number: 7, pull_request: fake.pull(), sender: person('dev'), repository: fake.repository(), installation: { id: 99 }, organization: person('acme') });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < total) {
      const id = `bench-${next++}`;
      const started = performance.now();
      const status = await deliver(app.port, SECRET, 'pull_request', payload(), id);
      latencies.push(performance.now() - started);
      if (status !== 200) failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wall = performance.now() - started;
  await waitFor('the analysis', () => fake.latestRun(COMMITS.v1.sha)?.status === 'completed', 120_000);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const runs = fake.checkRuns.filter((r) => r.head_sha === COMMITS.v1.sha).length;
  console.log(JSON.stringify({ deliveries: total, inFlight, failed, wallMs: Math.round(wall), ackMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: latencies.at(-1)!.toFixed(1) }, checkRunsForHead: runs }));
} finally {
  await app.stop();
  await fake.stop();
}
