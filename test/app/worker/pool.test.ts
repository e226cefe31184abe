import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TreesInput } from '../../../src/app/pipeline/trees.js';
import { JobAborted } from '../../../src/app/queue/types.js';
import { ReviewPool } from '../../../src/app/worker/pool.js';
import { COMMITS } from '../e2e/fixture-repo.js';

/**
 * The review worker threads: the real worker reviews trees on its own thread; a failing, dying or
 * stuck review fails its task and never the pool; an aborted task stops its worker; close() stops
 * them all. The stub worker (helpers/stub-worker.ts) speaks the real protocol.
 */
const STUB = new URL('../helpers/stub-worker.ts', import.meta.url);
const input = (manifestPath: string, extra: Partial<TreesInput['options']> = {}): TreesInput => ({
  options: { baseDir: '/nonexistent/base', headDir: '/nonexistent/head', manifestPath, ...extra },
  settings: { threshold: 'low' },
  repoName: 'shop',
  repoUrl: 'https://github.com/acme/shop',
  headSha: 'a'.repeat(40),
  skipped: [],
});

let pool: ReviewPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

test('an analysis that throws in the worker fails its task with the error; the worker serves the next', async () => {
  pool = new ReviewPool({ size: 1, url: STUB });
  await expect(pool.run(input('throw'))).rejects.toThrow('analysis exploded in the worker');
  await expect(pool.run(input('fine'))).resolves.toMatchObject({ prepared: { checklist: 'checked fine' } });
  expect(pool.started).toBe(1);
});

test('a worker that dies fails its task; a new worker takes the next', async () => {
  pool = new ReviewPool({ size: 1, url: STUB });
  await expect(pool.run(input('exit'))).rejects.toThrow('the review worker stopped (exit code 3)');
  await expect(pool.run(input('after'))).resolves.toMatchObject({ prepared: { checklist: 'checked after' } });
  expect(pool.started).toBe(2);
});

test('an aborted (timed-out) task stops its worker at once and does not block the next one', async () => {
  pool = new ReviewPool({ size: 1, url: STUB });
  const controller = new AbortController();
  const stuck = pool.run(input('hang'), controller.signal);
  const next = pool.run(input('next')); // waits for the only worker
  await new Promise((r) => setTimeout(r, 200));
  expect(pool.pending).toBe(2);
  controller.abort(new JobAborted('timeout'));
  await expect(stuck).rejects.toMatchObject({ reason: 'timeout' });
  await expect(next).resolves.toMatchObject({ prepared: { checklist: 'checked next' } });
  expect(pool.started).toBe(2);
  expect(pool.pending).toBe(0);
});

test('a task aborted while it waits never reaches a worker', async () => {
  pool = new ReviewPool({ size: 1, url: STUB });
  const first = pool.run(input('first'));
  const controller = new AbortController();
  const waiting = pool.run(input('throw'), controller.signal);
  controller.abort(new JobAborted('superseded'));
  await expect(waiting).rejects.toMatchObject({ reason: 'superseded' });
  await expect(first).resolves.toMatchObject({ prepared: { checklist: 'checked first' } });
});

test('close() stops the workers: running and waiting tasks fail as a shutdown, later ones at once', async () => {
  pool = new ReviewPool({ size: 1, url: STUB });
  const running = expect(pool.run(input('hang'))).rejects.toMatchObject({ reason: 'shutdown' });
  const waiting = expect(pool.run(input('never'))).rejects.toMatchObject({ reason: 'shutdown' });
  await new Promise((r) => setTimeout(r, 200));
  await pool.close();
  await running;
  await waiting;
  await expect(pool.run(input('late'))).rejects.toMatchObject({ reason: 'shutdown' });
  expect(pool.pending).toBe(0);
});

test('the real worker reviews two trees on its own thread, the analyzers its own', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'privacy-review-pool-'));
  try {
    const write = async (dir: string, files: Record<string, string>) => {
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), text);
      }
    };
    await write(path.join(tmp, 'base'), COMMITS.base.files);
    await write(path.join(tmp, 'head'), COMMITS.v1.files);
    pool = new ReviewPool({ size: 1 });
    const analysis = await pool.run(
      input('.privacy/manifest.yml', { baseDir: path.join(tmp, 'base'), headDir: path.join(tmp, 'head'), renames: new Map() }),
    );
    expect(analysis.review.verdict.decision).toBe('review_required');
    expect(analysis.review.findings.map((f) => f.finding.sink?.id)).toContain('segment');
    expect(analysis.prepared.checklist).toContain('Segment (`segment`)');
    expect(analysis.prepared.starter).toBeDefined();
    expect(analysis.asked.length).toBeGreaterThan(0);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}, 120_000);
