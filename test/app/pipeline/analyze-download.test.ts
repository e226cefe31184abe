import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../../../src/app/github/archive-checks.js';
import type { Octokit } from '../../../src/app/github/types.js';
import { analyze, type AnalyzeInput, type TreesReviewer } from '../../../src/app/pipeline/analyze.js';
import { rawTar, rawTarball } from '../helpers/raw-tar.js';

/**
 * Both sides download at once: when one fails, that failure is the one reported, the other side
 * is stopped and waited for, and the temporary directory is gone (nothing still writes into it).
 */
const BASE = 'b'.repeat(40);
const HEAD = 'h'.repeat(40);
let tmpDir: string;

beforeEach(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-analyze-'));
});
afterEach(() => fs.rm(tmpDir, { recursive: true, force: true }));

/** A healthy repository arriving slowly, as a large one does: 1 KB every few milliseconds, until it is destroyed. */
function slowRepository(): Readable {
  const files = Array.from({ length: 3000 }, (_, i) => ({ path: `top/src/f${i}.ts`, body: `export const v${i} = ${i};\n` }));
  const gz = gzipSync(rawTar(files), { level: 0 });
  let offset = 0;
  return new Readable({
    read() {
      setTimeout(() => {
        if (offset >= gz.length) return void this.push(null);
        this.push(gz.subarray(offset, (offset += 1024)));
      }, 2);
    },
  });
}

function fakeOctokit(bodies: Record<string, () => Readable | Promise<never>>): Octokit {
  return {
    request: async (_route: string, params: { ref: string }) => ({ data: await bodies[params.ref]!() }),
  } as unknown as Octokit;
}

const input = {
  repo: { owner: 'acme', repo: 'shop' },
  repoUrl: 'https://github.example/acme/shop',
  baseRef: 'main',
  headRef: 'feature',
  headSha: HEAD,
  comparison: { mergeBase: BASE, changed: [], renames: new Map(), complete: true },
  config: { settings: {} },
} as unknown as AnalyzeInput;

const neverReviewed: TreesReviewer = () => Promise.reject(new Error('the trees must not be reviewed'));

test('a crafted head fails the analysis with its own reason; the base download stops; the temporary directory is removed', async () => {
  const base = slowRepository();
  const deep = `top/${'a/'.repeat(3000)}deep.ts`;
  const octokit = fakeOctokit({ [BASE]: () => base, [HEAD]: () => Readable.from([rawTarball([{ path: deep, body: 'x' }])]) });
  await expect(
    analyze(octokit, { trees: neverReviewed, limits: DEFAULT_LIMITS, tmpDir }, input, new AbortController().signal),
  ).rejects.toThrow(/^the repository has a path of 6,007 bytes, over the App's limit of 1,024/);
  expect(base.destroyed).toBe(true);
  // Had the base side gone on writing, its files would show up here after the removal.
  await new Promise((r) => setTimeout(r, 200));
  expect(await fs.readdir(tmpDir)).toEqual([]);
});

test('a failed download is reported as it is (not as a failure to clean up), and the other side stops', async () => {
  const base = slowRepository();
  const refused = Object.assign(new Error('Server Error'), { status: 502 });
  const octokit = fakeOctokit({ [BASE]: () => base, [HEAD]: () => Promise.reject(refused) });
  await expect(
    analyze(octokit, { trees: neverReviewed, limits: DEFAULT_LIMITS, tmpDir }, input, new AbortController().signal),
  ).rejects.toBe(refused);
  expect(base.destroyed).toBe(true);
  await new Promise((r) => setTimeout(r, 200));
  expect(await fs.readdir(tmpDir)).toEqual([]);
});

test("the job's abort is reported with its own reason", async () => {
  const [base, head] = [slowRepository(), slowRepository()];
  const job = new AbortController();
  const reason = new Error('superseded by a newer push');
  setTimeout(() => job.abort(reason), 50);
  const octokit = fakeOctokit({ [BASE]: () => base, [HEAD]: () => head });
  await expect(analyze(octokit, { trees: neverReviewed, limits: DEFAULT_LIMITS, tmpDir }, input, job.signal)).rejects.toBe(reason);
  expect([base.destroyed, head.destroyed]).toEqual([true, true]);
  expect(await fs.readdir(tmpDir)).toEqual([]);
});
