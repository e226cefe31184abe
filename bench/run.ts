/**
 * `npm run bench [-- --sizes 500,2000,5000] [--no-corpus]`: for each size, generate a repository (bench/generate.ts),
 * then measure in separate processes, so that peak RSS is each one's own:
 *   - the full scan (`privacy-review scan --format json`), wall time and peak RSS, alternating with
 *     `tsc --noEmit` with the TypeScript that ts-morph bundles (bench/tsc-baseline.mjs): the ratio
 *     is the median of BENCH_RUNS (default 3) back-to-back pairs;
 *   - the review of a 20-file pull request (bench/pr-change.ts) in a git repository of that size,
 *     checked out at the head as in CI: `privacy-review review --base main --head HEAD`, which
 *     analyzes the changed files and their importers; and with `--full` (every file, both sides)
 *     where FULL_REVIEW_MAX (default 2000) files or fewer, for comparison;
 *   - findings found vs planted (scan) and new findings found vs introduced (review);
 * then the same scan-vs-tsc comparison on real code: the sources of installed packages (bench/corpus.ts).
 * `--real-history` instead reviews real merged changes of a repository with history (bench/real-history.ts).
 * For each size also the analysis cache: the full scan without it, with an empty cache (cold) and
 * again (warm), BENCH_RUNS times alternating; `--cache-only` measures just that.
 * Prints a table and writes bench/out/results.json. Numbers are wall-clock on this machine: run it
 * on an idle machine and compare ratios, not absolute times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo, type Planted } from './generate.js';
import { makePrRepo } from './pr-change.js';
import { makeCorpus } from './corpus.js';
import { realHistory } from './real-history.js';
import type { ScanResult } from '../src/core/contract.js';
import type { Review } from '../src/review/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist/src/cli/main.js');
const argSizes = process.argv.indexOf('--sizes');
const sizes = (argSizes > 0 ? process.argv[argSizes + 1]! : '500,2000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const fullReviewMax = Number(process.env.FULL_REVIEW_MAX ?? 2000);

interface Timed {
  ms: number;
  rssMb: number;
  stdout: string;
}

/** Run a node script in its own process; wall time from outside, peak RSS from GNU time when present. */
function timed(args: string[]): Timed {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMb: Math.round(rssKb / 1024), stdout: r.stdout };
}

/**
 * The scan against `tsc`, `n` times each, alternating (scan, tsc, scan, tsc, ...): this machine's
 * speed drifts by tens of percent over minutes, so each ratio compares two runs made back to back,
 * and the ratio reported is the median of those. Times are the best run; peak RSS the largest.
 */
function versus(n: number, scanArgs: string[], tscArgs: string[]) {
  const pairs: { scan: Timed; tsc: Timed }[] = [];
  for (let i = 0; i < n; i++) pairs.push({ scan: timed(scanArgs), tsc: timed(tscArgs) });
  const ratios = pairs.map((p) => p.scan.ms / p.tsc.ms).sort((a, b) => a - b);
  const fastest = (list: Timed[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
  const scans = pairs.map((p) => p.scan);
  const tscs = pairs.map((p) => p.tsc);
  return {
    scan: fastest(scans),
    tsc: fastest(tscs),
    ratio: Number(ratios[Math.floor(ratios.length / 2)]!.toFixed(2)),
    ratios: ratios.map((r) => r.toFixed(2)).join('/'),
    scanRssMb: Math.max(...scans.map((t) => t.rssMb)),
    tscRssMb: Math.max(...tscs.map((t) => t.rssMb)),
  };
}

function best(n: number, f: () => Timed): Timed {
  let min: Timed | undefined;
  for (let i = 0; i < n; i++) {
    const t = f();
    if (!min || t.ms < min.ms) min = t;
  }
  return min!;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Findings, errors and skips of a scan's JSON: what the cache must give back unchanged. */
const outcome = (stdout: string) => {
  const r = JSON.parse(stdout) as ScanResult;
  return JSON.stringify([r.findings, r.errors, r.skipped, r.stats.files, r.stats.lines]);
};

/**
 * The full scan without the cache (plain), with an empty one (cold: analyzes and writes every
 * entry) and again (warm: answers every file from it), `n` times; plain and cold alternate which
 * goes first. Ratios are per round (runs made back to back), reported as medians.
 */
function cacheBench(n: number, dir: string, size: number) {
  const cacheDir = path.join(os.tmpdir(), `privacy-review-bench-cache-${size}`);
  const args = [BIN, 'scan', dir, '--format', 'json', '--fail-on', 'none', '--no-progress'];
  const rounds: { plain: Timed; cold: Timed; warm: Timed }[] = [];
  for (let i = 0; i < n; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const plainFirst = i % 2 === 0;
    const first = timed(plainFirst ? args : [...args, '--cache-dir', cacheDir]);
    const second = timed(plainFirst ? [...args, '--cache-dir', cacheDir] : args);
    const warm = timed([...args, '--cache-dir', cacheDir]);
    rounds.push(plainFirst ? { plain: first, cold: second, warm } : { plain: second, cold: first, warm });
  }
  rmSync(cacheDir, { recursive: true, force: true });
  const last = rounds[rounds.length - 1]!;
  const warmStats = (JSON.parse(last.warm.stdout) as ScanResult).stats;
  return {
    files: warmStats.files,
    plainMs: Math.round(median(rounds.map((r) => r.plain.ms))),
    coldMs: Math.round(median(rounds.map((r) => r.cold.ms))),
    warmMs: Math.round(median(rounds.map((r) => r.warm.ms))),
    warmVsCold: Number(median(rounds.map((r) => r.warm.ms / r.cold.ms)).toFixed(3)),
    coldVsPlain: Number(median(rounds.map((r) => r.cold.ms / r.plain.ms)).toFixed(3)),
    ratios: rounds.map((r) => `${(r.warm.ms / r.cold.ms).toFixed(3)}:${(r.cold.ms / r.plain.ms).toFixed(2)}`).join('/'),
    fromCache: warmStats.fromCache,
    coldRssMb: Math.max(...rounds.map((r) => r.cold.rssMb)),
    warmRssMb: Math.max(...rounds.map((r) => r.warm.rssMb)),
    identical: rounds.every(
      (r) => outcome(r.cold.stdout) === outcome(r.plain.stdout) && outcome(r.warm.stdout) === outcome(r.plain.stdout),
    ),
    load: os.loadavg()[0]!.toFixed(1),
  };
}

function recall(result: ScanResult, planted: Planted[]) {
  const found = planted.filter((p) =>
    result.findings.some((f) => f.file === p.file && f.line === p.line && f.rule === p.rule && (!p.sink || f.sink?.id === p.sink)),
  );
  const extra = result.findings.filter((f) => !planted.some((p) => f.file === p.file && f.line === p.line && f.rule === p.rule));
  return { planted: planted.length, found: found.length, extra: extra.length };
}

if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }).status !== 0 || !existsSync(BIN)) {
  console.error('npm run build failed: fix the type errors it reports first');
  process.exit(2);
}
// Real history (bench/real-history.ts): reviews of real merged changes against full scans, then done.
if (process.argv.includes('--real-history')) {
  realHistory();
  process.exit(process.exitCode ?? 0);
}
const rows: Record<string, unknown>[] = [];
const cacheRows: Record<string, unknown>[] = [];
const cacheOnly = process.argv.includes('--cache-only');
for (const size of sizes) {
  const dir = path.join(os.tmpdir(), `privacy-review-bench-${size}`);
  const repo = generateRepo(dir, size);
  cacheRows.push({ size, ...cacheBench(runs, dir, size) });
  if (cacheOnly) continue;
  const vs = versus(
    runs,
    [BIN, 'scan', dir, '--format', 'json', '--fail-on', 'none', '--no-progress'],
    [path.join(ROOT, 'bench/tsc-baseline.mjs'), dir],
  );
  const result = JSON.parse(vs.scan.stdout) as ScanResult;
  const pr = makePrRepo(dir, repo.prFiles);
  const reviewArgs = [BIN, 'review', pr.dir, '--base', 'main', '--head', 'HEAD', '--format', 'json', '--fail-on', 'none'];
  const prRun = best(runs, () => timed(reviewArgs));
  const prReview = JSON.parse(prRun.stdout) as Review;
  const fullRun = repo.files <= fullReviewMax ? best(1, () => timed([...reviewArgs, '--full'])) : undefined;
  const r = recall(result, repo.planted);
  rows.push({
    files: repo.files,
    lines: repo.lines,
    scanMs: Math.round(vs.scan.ms),
    tscMs: Math.round(vs.tsc.ms),
    ratio: vs.ratio,
    ratios: vs.ratios,
    msPerFile: Number((vs.scan.ms / repo.files).toFixed(2)),
    scanRssMb: vs.scanRssMb,
    tscRssMb: vs.tscRssMb,
    planted: r.planted,
    found: r.found,
    extra: r.extra,
    prReviewMs: Math.round(prRun.ms),
    prRssMb: prRun.rssMb,
    prAnalyzed: prReview.stats.headFiles,
    prNew: `${prReview.findings.filter((f) => f.status === 'new').length}/${pr.expectedNew}`,
    fullReviewMs: fullRun ? Math.round(fullRun.ms) : null,
    fullReviewRssMb: fullRun ? fullRun.rssMb : null,
  });
  console.error(`size ${size} done`);
}
const table = (list: Record<string, unknown>[]) => {
  const header = Object.keys(list[0]!);
  console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
  for (const row of list) console.log(`| ${header.map((h) => row[h]).join(' | ')} |`);
};
if (rows.length) table(rows);
console.log('\nAnalysis cache (full scan: plain, cold cache, warm cache; medians):');
table(cacheRows);

// Real code: the sources of installed packages (bench/corpus.ts). No planted findings: the row
// shows speed against tsc, and whether every file could be analyzed.
let corpus: Record<string, unknown> | undefined;
if (!process.argv.includes('--no-corpus') && !cacheOnly) {
  const made = makeCorpus(ROOT, path.join(os.tmpdir(), 'privacy-review-bench-corpus'));
  const vs = versus(
    runs,
    [BIN, 'scan', made.dir, '--format', 'json', '--fail-on', 'none', '--no-progress'],
    [path.join(ROOT, 'bench/tsc-baseline.mjs'), made.dir],
  );
  const result = JSON.parse(vs.scan.stdout) as ScanResult;
  corpus = {
    corpus: made.packages.join(' '),
    files: result.stats.files,
    lines: result.stats.lines,
    tscFiles: (JSON.parse(vs.tsc.stdout) as { files: number }).files,
    scanMs: Math.round(vs.scan.ms),
    tscMs: Math.round(vs.tsc.ms),
    ratio: vs.ratio,
    ratios: vs.ratios,
    scanRssMb: vs.scanRssMb,
    tscRssMb: vs.tscRssMb,
    findings: result.stats.findings,
    skipped: result.skipped.length,
    errors: result.errors.length,
  };
  console.log('');
  table([corpus]);
}
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench/out/results.json'),
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, rows, cache: cacheRows, corpus },
    null,
    2,
  ),
);
