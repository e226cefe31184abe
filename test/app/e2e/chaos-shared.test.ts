import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithRedis, startRedis, type TestRedis } from '../helpers/redis.js';
import { makeTarball } from '../helpers/tarball.js';
import { deliver, waitFor, type AppProcess } from './app-process.js';
import { BOT_LOGIN, person, type FakeGitHub } from './fake-github.js';
import { startCluster, startFixtureGitHub, type Cluster } from './fixture-app.js';
import { COMMITS } from './fixture-repo.js';

/**
 * Chaos on the shared queue: 2 web and 3 worker processes on one Redis, 200 deliveries over 20
 * pull requests pushed 3 times each (60 deliveries, 140 redeliveries of them mixed in), one worker
 * killed with SIGKILL in the middle of a review and one web process killed right after it answered
 * a delivery. Afterwards every latest head has exactly one completed check run of the App, with
 * the right conclusion; each pull request one checklist comment; no check run is left in
 * progress; and every acknowledged delivery was acted on (a web process enqueued its review).
 * All 20 pull requests belong to one installation, whose write pacing (a second between writes,
 * three between comments) the workers share through Redis as GitHub asks: the reviews take a few
 * minutes of GitHub's pacing, not of analysis.
 */
const SECRET = 'chaos-secret';
const PRS = 20;
const PUSHES = 3;
const TOTAL = 200;
const IN_FLIGHT = 8;

const headSha = (n: number, k: number) => `${n.toString(16).padStart(4, '0')}${k.toString(16).padStart(4, '0')}`.padEnd(40, 'c');
const count = (text: string, what: string) => text.split(what).length - 1;

describeWithRedis('chaos on 2 web + 3 worker processes sharing Redis', () => {
  let redis: TestRedis;
  let fake: FakeGitHub;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedis();
    const started = await startFixtureGitHub(SECRET, {
      config: 'reviewers:\n  users: [priv]\n',
      env: { PRIVACY_REVIEW_LOCK_SECONDS: '4', LOG_LEVEL: 'info' },
    });
    fake = started.fake;
    const tars = await Promise.all(
      [COMMITS.v1, COMMITS.v2, COMMITS.v3].map((c) => makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` })),
    );
    for (let n = 1; n <= PRS; n++) {
      fake.openPull(n);
      for (let k = 0; k < PUSHES; k++) fake.tarballs.set(headSha(n, k), tars[k]!);
    }
    cluster = await startCluster(started.appEnv, redis, { webs: 2, workers: 3 });
  }, 240_000);

  afterAll(async () => {
    // CHAOS_LOG_DIR=/some/dir keeps each process's log (debugging a failure).
    if (process.env.CHAOS_LOG_DIR && cluster) {
      for (const [i, p] of [...cluster.webs, ...cluster.workers].entries())
        writeFileSync(path.join(process.env.CHAOS_LOG_DIR, `process-${i}.log`), p.output());
    }
    await cluster?.stop();
    await fake?.stop();
    await redis?.stop();
  });

  test('nothing acknowledged is lost, every head gets one completed check run, every pull request one comment', async () => {
    // The plan: each push's delivery once, in push order per pull request, with redeliveries of earlier ones mixed in.
    const unique: { id: string; n: number; k: number }[] = [];
    for (let k = 0; k < PUSHES; k++) for (let n = 1; n <= PRS; n++) unique.push({ id: `chaos-${n}-${k}`, n, k });
    const plan: { id: string; n: number; k: number; redelivery: boolean }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let next = 0;
    while (plan.length < TOTAL) {
      const redeliver = next >= unique.length || (next > 0 && random() < (TOTAL - unique.length) / TOTAL);
      if (redeliver) plan.push({ ...unique[Math.floor(random() * next)]!, redelivery: true });
      else plan.push({ ...unique[next++]!, redelivery: false });
    }
    // As GitHub does, each push's event says when the pull request got its head, and a redelivery
    // carries the original payload: deliveries handled out of order can be put back in order.
    const pushedAt = (n: number, k: number) => new Date(Date.UTC(2024, 4, 1, 12, k, n)).toISOString();
    const body = (n: number, k: number) => {
      const pull = fake.pull(n);
      return {
        action: k === 0 ? 'opened' : 'synchronize',
        number: n,
        pull_request: { ...pull, head: { ...pull.head, sha: headSha(n, k) }, updated_at: pushedAt(n, k) },
        sender: person('dev'),
        repository: fake.repository(),
        installation: { id: 99 },
        organization: person('acme'),
      };
    };

    const [web0, web1] = cluster.webs as [AppProcess, AppProcess];
    const victim = cluster.workers[0]!;
    const acknowledged = new Set<string>();
    let webKilled = false;
    let workerKilled = false;
    let cursor = 0;
    const sender = async () => {
      while (cursor < plan.length) {
        const item = plan[cursor++]!;
        if (!item.redelivery) fake.push(headSha(item.n, item.k), item.n);
        // Web 1 answers the 120th delivery and is killed at once; the rest go to web 0.
        const useWeb1 = !webKilled && cursor % 2 === 0;
        const killAfter = useWeb1 && cursor >= 120;
        if (killAfter) webKilled = true;
        const status = await deliver((useWeb1 ? web1 : web0).port, SECRET, 'pull_request', body(item.n, item.k), item.id);
        if (killAfter) process.kill(web1.pid, 'SIGKILL');
        if (status === 200) acknowledged.add(item.id);
        else throw new Error(`delivery ${item.id} answered ${status}`);
        // Worker 0 is killed in the middle of a review (started, not finished).
        if (!workerKilled && cursor > 60) {
          const out = victim.output();
          if (count(out, '"review started"') > count(out, '"review finished"')) {
            workerKilled = true;
            process.kill(victim.pid, 'SIGKILL');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    // The victim had no review running while deliveries went out: kill it at its next one.
    if (!workerKilled) {
      await waitFor(
        'a review on the victim',
        () => count(victim.output(), '"review started"') > count(victim.output(), '"review finished"'),
        60_000,
      ).catch(() => undefined);
      process.kill(victim.pid, 'SIGKILL');
      workerKilled = true;
    }
    expect(webKilled).toBe(true);
    expect(acknowledged.size).toBe(unique.length);

    const latest = Array.from({ length: PRS }, (_, i) => headSha(i + 1, PUSHES - 1));
    const appRuns = (sha: string) => fake.checkRuns.filter((r) => r.head_sha === sha && (r.appId === undefined || r.appId === 321));
    await waitFor(
      'every latest head reviewed and no check run in progress',
      () =>
        latest.every((sha) => appRuns(sha).some((r) => r.status === 'completed' && r.conclusion !== 'neutral')) &&
        fake.checkRuns.every((r) => r.status === 'completed'),
      330_000,
    ).catch((e: unknown) => {
      const open = fake.checkRuns.filter((r) => r.status !== 'completed').map((r) => `${r.id} ${r.head_sha.slice(0, 8)} ${r.status}`);
      const unreviewed = latest
        .filter((sha) => !appRuns(sha).some((r) => r.status === 'completed' && r.conclusion !== 'neutral'))
        .map((sha) => sha.slice(0, 8));
      throw new Error(`${String(e)}; runs in progress: ${open.join(', ')}; latest heads without a result: ${unreviewed.join(', ')}`);
    });

    for (const sha of latest) {
      const completed = appRuns(sha).filter((r) => r.status === 'completed');
      expect({
        sha,
        runs: completed.map((r) => `${r.id} ${r.conclusion}: ${r.output.title} | ${(r.output.summary ?? '').slice(0, 60)}`),
      }).toEqual({ sha, runs: [expect.any(String)] });
      // The third push adds a flow to Mailchimp the manifest does not declare: approval required.
      const run = completed[0]!;
      expect({ sha, conclusion: run.conclusion, why: `${run.output.title} | ${(run.output.summary ?? '').slice(0, 300)}` }).toEqual({
        sha,
        conclusion: 'action_required',
        why: expect.any(String),
      });
    }
    expect(fake.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
    for (let n = 1; n <= PRS; n++)
      expect({ n, comments: fake.state(n)!.comments.filter((c) => c.user.login === BOT_LOGIN).length }).toEqual({ n, comments: 1 });
    // Every acknowledged delivery was acted on: some web process (the killed one, or the one that
    // took its unfinished deliveries over) enqueued its review.
    const logs = [...cluster.webs].map((w) => w.output()).join('\n');
    for (const id of acknowledged)
      expect({ id, enqueued: new RegExp(`"delivery":"${id}"[^\n]*privacy review enqueued`).test(logs) }).toEqual({ id, enqueued: true });
    expect(fake.violations).toEqual([]);
  }, 600_000);
});
