/**
 * `npm run bench -- --real-history [--commits 12] [--before /work/main/dist/src/cli/main.js] [--mirror DIR] [--end SHA]`:
 * reviews of real merged changes, as CI makes them, against full scans in the same run.
 *
 * The repository is a bare mirror with full history (default: formbricks, pinned at END). The
 * `--commits` consecutive first-parent commits before END that change TypeScript/JavaScript files are
 * replayed into a scratch git repository: each commit's parent tree and its own tree are exported
 * with `git archive` (no code of the mirror is ever committed here) and committed there, head checked
 * out, and `privacy-review review --base <parent> --head <commit> --format json` run as CI runs it,
 * once with the `--before` build (main's) and once with this worktree's. Every tree is also scanned
 * whole with this worktree's build (each distinct tree once): the head's scan is the denominator of
 * the review's time, and the two scans' findings give the full review's new and fixed findings,
 * which both reviews must equal (findings of renamed files left out: a review pairs them, two scans
 * cannot); where they differ, `review --full` is run and is the judge. Prints per-commit rows and median / p95 ratios, peak RSS, files analyzed and cut off;
 * writes bench/out/real-history.json. Exits 1 when a review's findings differ from the full review's.
 *
 * `--cache`: this build's reviews use an analysis cache (`--cache-dir`) that a full scan of the base
 * tree filled first (untimed, as main's scan after a merge or earlier reviews against the same base
 * would), and each review is run a second time (`repeat`: both sides warm). `--before none` skips
 * main's build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanResult } from '../src/core/contract.js';
import type { Review } from '../src/review/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AFTER = path.join(ROOT, 'dist/src/cli/main.js');
// Flags of this build's reviews, e.g. BENCH_REVIEW_FLAGS=--early-cutoff.
const AFTER_FLAGS = (process.env.BENCH_REVIEW_FLAGS ?? '').split(/\s+/).filter(Boolean);
const SOURCE = /\.(?:[cm]?[tj]sx?)$/;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

interface Run {
  ms: number;
  rssMb: number;
  stdout: string;
}

/** A CLI run in its own process: wall time from outside, peak RSS from GNU time. */
function timed(bin: string, args: string[], cwd: string): Run {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { ms, rssMb: Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024), stdout: r.stdout };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function realHistory(): void {
  const mirror = arg('--mirror', '/work/.mirror/formbricks+formbricks/repo');
  const end = arg('--end', 'b66c1dd978');
  const count = Number(arg('--commits', '12'));
  const before = arg('--before', '/work/main/dist/src/cli/main.js');
  const cached = process.argv.includes('--cache');
  const git = (cwd: string | undefined, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
  const mgit = (...args: string[]) => git(undefined, `--git-dir=${mirror}`, ...args);

  // Consecutive first-parent commits before END that change sources, oldest first.
  const commits: string[] = [];
  for (const c of mgit('log', '--first-parent', '--format=%H', `${end}~1`, '-n', '400').split('\n')) {
    if (
      mgit('diff', '--name-only', `${c}~1`, c)
        .split('\n')
        .some((f) => SOURCE.test(f))
    )
      commits.push(c);
    if (commits.length === count) break;
  }
  commits.reverse();

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-history-'));
  const repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  const rgit = (...args: string[]) =>
    git(repo, '-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', ...args);
  rgit('init', '-q', '-b', 'main');
  const exportTree = (commit: string, dir: string) => {
    execFileSync('sh', [
      '-c',
      `find "$1" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} + && git --git-dir="$2" archive "$3" | tar -x -C "$1"`,
      'sh',
      dir,
      mirror,
      commit,
    ]);
  };
  const commitTree = (commit: string): string => {
    exportTree(commit, repo);
    rgit('add', '-A');
    rgit('commit', '-q', '--allow-empty', '-m', commit);
    return rgit('rev-parse', 'HEAD');
  };

  // Each distinct tree scanned whole once (consecutive commits share one: a commit's tree is the next one's parent).
  const scans = new Map<string, { run: Run; findings: ScanResult['findings'] }>();
  const scanTree = (commit: string) => {
    const tree = mgit('rev-parse', `${commit}^{tree}`);
    let s = scans.get(tree);
    if (!s) {
      const dir = path.join(tmp, 'tree');
      mkdirSync(dir, { recursive: true });
      exportTree(commit, dir);
      const run = timed(AFTER, ['scan', dir, '--format', 'json', '--fail-on', 'none'], tmp);
      s = { run, findings: (JSON.parse(run.stdout) as ScanResult).findings };
      scans.set(tree, s);
    }
    return s;
  };

  const labels = [
    ...(before === 'none' ? [] : [['before', before] as const]),
    ['after', AFTER] as const,
    ...(cached ? [['repeat', AFTER] as const] : []),
  ];
  const rows: Record<string, unknown>[] = [];
  let mismatches = 0;
  try {
    for (const c of commits) {
      const short = c.slice(0, 10);
      const changedSources = mgit('diff', '--name-only', `${c}~1`, c)
        .split('\n')
        .filter((f) => SOURCE.test(f)).length;
      const renamed = new Set(
        mgit('diff', '-M', '--name-status', `${c}~1`, c)
          .split('\n')
          .filter((l) => l.startsWith('R'))
          .flatMap((l) => l.split('\t').slice(1)),
      );
      const baseSha = commitTree(`${c}~1`);
      // A warm base: the base tree scanned whole into the cache before the review.
      const cacheDir = path.join(tmp, 'cache');
      const warmMs = cached
        ? Math.round(
            timed(AFTER, ['scan', repo, '--format', 'json', '--fail-on', 'none', '--no-progress', '--cache-dir', cacheDir], tmp).ms,
          )
        : undefined;
      const headSha = commitTree(c);
      const baseScan = scanTree(`${c}~1`);
      const headScan = scanTree(c);
      // The full review's new and fixed findings: head's and base's whole scans, by fingerprint.
      const kept = (f: { file: string }) => !renamed.has(f.file);
      const baseIds = new Set(baseScan.findings.filter(kept).map((f) => f.id));
      const headIds = new Set(headScan.findings.filter(kept).map((f) => f.id));
      const fullChanges = [
        ...[...headIds].filter((id) => !baseIds.has(id)).map((id) => `new ${id}`),
        ...[...baseIds].filter((id) => !headIds.has(id)).map((id) => `fixed ${id}`),
      ].sort();
      /** A review's new and fixed findings (a changed finding: its new id, and its previous one as fixed). */
      const reviewChanges = (stdout: string) => {
        const review = JSON.parse(stdout) as Review;
        const changes = review.findings
          .filter((r) => kept(r.finding) && r.status !== 'unchanged')
          .flatMap((r) => [
            `${r.status} ${r.finding.id}`,
            ...(r.previous && !renamed.has(r.previous.file) ? [`fixed ${r.previous.id}`] : []),
          ])
          .sort();
        return { review, changes };
      };
      let fullReview: { changes: string[] } | undefined;
      const row: Record<string, unknown> = {
        commit: short,
        changedSources,
        fullScanMs: Math.round(headScan.run.ms),
        fullScanRssMb: headScan.run.rssMb,
        fullNewFixed: fullChanges.length,
        ...(warmMs !== undefined ? { baseWarmScanMs: warmMs } : {}),
      };
      for (const [label, bin] of labels) {
        const flags = label === 'before' ? [] : [...AFTER_FLAGS, ...(cached ? ['--cache-dir', cacheDir] : [])];
        const run = timed(bin, ['review', '--base', baseSha, '--head', headSha, '--format', 'json', '--fail-on', 'none', ...flags], repo);
        const { review, changes } = reviewChanges(run.stdout);
        let identical = JSON.stringify(changes) === JSON.stringify(fullChanges);
        if (!identical) {
          // Two scans pair findings only by fingerprint; `review --full` is the full review itself.
          fullReview ??= reviewChanges(
            timed(AFTER, ['review', '--full', '--base', baseSha, '--head', headSha, '--format', 'json', '--fail-on', 'none'], repo).stdout,
          );
          identical = JSON.stringify(changes) === JSON.stringify(fullReview.changes);
          const where = new Map(
            [...review.findings.map((r) => r.finding), ...baseScan.findings, ...headScan.findings].map((f) => [
              f.id,
              `${f.rule} ${f.file}:${f.line} ${f.categories.join(',')}`,
            ]),
          );
          const show = (list: string[], other: string[]) =>
            list
              .filter((x) => !other.includes(x))
              .map((x) => `${x} (${where.get(x.split(' ')[1]!) ?? '?'})`)
              .join('; ') || '-';
          console.error(
            `${short} ${label}: ${identical ? 'equals review --full; the two scans pair differently' : 'DIFFERS from review --full'}: only in review ${show(changes, fullReview.changes)}; only in review --full ${show(fullReview.changes, changes)}; scans-only ${show(fullChanges, changes)}`,
          );
          if (!identical) mismatches++;
        }
        const scope = review.stats.scope;
        row[label] = {
          ms: Math.round(run.ms),
          ratio: Number((run.ms / headScan.run.ms).toFixed(3)),
          rssMb: run.rssMb,
          analyzed: review.stats.headFiles,
          ...(review.stats.fromCache !== undefined ? { fromCache: review.stats.fromCache, analyzedBoth: review.stats.analyzed } : {}),
          dependents: scope?.dependents ?? null,
          cutOff: scope?.cutOff ?? null,
          loaded: scope?.loaded ?? null,
          mode: scope?.mode ?? null,
          identical,
        };
      }
      rows.push(row);
      const fmt = (s: Record<string, number | boolean | null>) =>
        `${String(s.ms).padStart(7)} ms ${String(s.ratio).padStart(6)}x ${String(s.rssMb).padStart(5)} MiB analyzed ${String(s.analyzed).padStart(5)} cut ${String(s.cutOff ?? '-').padStart(5)}${s.identical ? '' : ' DIFFERS'}`;
      console.log(
        `${short} ${String(changedSources).padStart(3)} files | full ${Math.round(headScan.run.ms)} ms | ${labels.map(([l]) => `${l} ${fmt(row[l] as never)}`).join(' | ')}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const summary: Record<string, unknown> = {};
  for (const [label] of labels) {
    const of = (key: string) => rows.map((r) => (r[label] as Record<string, number>)[key]!);
    summary[label] = {
      medianRatio: percentile(of('ratio'), 0.5),
      p95Ratio: percentile(of('ratio'), 0.95),
      peakRssMb: Math.max(...of('rssMb')),
      medianAnalyzed: percentile(of('analyzed'), 0.5),
      maxAnalyzed: Math.max(...of('analyzed')),
      identical: rows.every((r) => (r[label] as { identical: boolean }).identical),
    };
  }
  summary.fullScanPeakRssMb = Math.max(...[...scans.values()].map((s) => s.run.rssMb));
  console.log(JSON.stringify(summary, null, 2));
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/out/real-history.json'), JSON.stringify({ mirror, end, commits: rows, summary }, null, 2) + '\n');
  if (mismatches) process.exitCode = 1;
}

// Run directly (`tsx bench/real-history.ts`) as well as from `npm run bench -- --real-history`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) realHistory();
