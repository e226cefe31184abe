import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskCache, prune } from '../../../src/engine/cache/store.js';
import type { FileOutcome } from '../../../src/engine/cache/entry.js';

/*
 * Two processes writing the same entries at once (two CI jobs, two App workers sharing a cache
 * directory) while a third reads them: every read is a miss or the whole entry, and what stays
 * behind is whole entries and no temporary file.
 */

const STORE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/engine/cache/store.ts');
const KEYS = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(2, '0').repeat(32));
/** Large enough that a write takes more than one system call. */
const outcome = (i: number): FileOutcome => ({
  findings: [],
  problems: Array.from({ length: 400 }, (_, j) => ({ error: { file: `src/f${i}.ts`, line: j + 1, message: 'x'.repeat(200) } })),
  skipped: [],
  lines: i,
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function writer(dir: string, script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`writer exited with ${code}: ${stderr.slice(-500)}`))));
  });
}

test('concurrent writers leave whole entries, and readers never see half of one', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-cache-race-'));
  dirs.push(dir);
  const script = path.join(dir, 'writer.mts');
  writeFileSync(
    script,
    [
      `import { DiskCache } from ${JSON.stringify(STORE)};`,
      `const keys = ${JSON.stringify(KEYS)};`,
      `const outcome = ${outcome.toString()};`,
      'const cache = new DiskCache(process.argv[2]);',
      'for (let round = 0; round < 15; round++) keys.forEach((k, i) => cache.put(k, outcome(i)));',
      'if (cache.counts.failedWrites) process.exit(3);',
    ].join('\n'),
  );
  const cacheDir = path.join(dir, 'cache');
  const writers = Promise.all([writer(cacheDir, script), writer(cacheDir, script)]);
  let finished = false;
  void writers.finally(() => (finished = true));
  const reader = new DiskCache(cacheDir);
  let reads = 0;
  while (!finished) {
    for (const [i, k] of KEYS.entries()) {
      const got = reader.get(k);
      if (got) expect(got).toEqual(outcome(i));
      reads++;
    }
    await new Promise((r) => setImmediate(r));
  }
  await writers;
  expect(reader.counts.bad).toBe(0);
  expect(reads).toBeGreaterThan(0);
  const after = new DiskCache(cacheDir);
  for (const [i, k] of KEYS.entries()) expect(after.get(k)).toEqual(outcome(i));
  const names = readdirSync(path.join(cacheDir, 'v1'), { recursive: true }).map(String);
  expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
}, 60_000);

test('prune keeps the most recently used entries within the bound', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-cache-prune-'));
  dirs.push(dir);
  const cache = new DiskCache(dir);
  KEYS.forEach((k, i) => cache.put(k, outcome(i)));
  const v1 = path.join(dir, 'v1');
  const size = (readdirSync(v1, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).length;
  expect(size).toBe(KEYS.length);
  prune(v1, 10 * 90_000); // about ten entries' worth
  const left = KEYS.filter((k) => new DiskCache(dir).get(k) !== undefined);
  expect(left.length).toBeGreaterThan(0);
  expect(left.length).toBeLessThan(KEYS.length);
});
