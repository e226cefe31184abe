/**
 * `npm run bench:real [-- --repos DIR] [--mirrors DIR] [--sample N] [--blind N [--seed S]] [--only owner/name]`
 * (BENCH_BIN: another build's CLI): detection
 * quality on real repositories, judged by people who read their code. For each label file in
 * bench/real/labels/ (repository, pinned commit, a judged sample of findings, hand-picked sites of
 * personal-data handling), scan the repository as a new user would (the built CLI, default
 * configuration) and print, per rule:
 *   - precision: of today's findings that a label judges, how many are true (findings no label
 *     judges are counted; `--sample N` prints N of them per rule, picked by id, to judge next);
 *   - recall: hand-picked sites found at all (same file and rule, line within 3) and found with the
 *     right data (and the expected sink and categories); the misses are listed;
 *   - files that failed with an internal error.
 * `--blind N` also writes, per repository, a blind audit sheet (bench/out/blind/): N findings per rule
 * drawn at random (seeded) from all of today's findings, judged or not, without any verdict, for a
 * judge who has not seen the labels; judged sheets go to bench/real/audits/ and `npm run
 * bench:audit` scores them (see audit.ts).
 * Repositories are looked up in `--repos` (default /work/real) as `<owner>__<name>/`, checked out at
 * the pinned commit; missing ones are exported there from a bare mirror under `--mirrors` when
 * given (`git archive`, nothing of theirs is run), else skipped with a note. Labels never hold
 * their code. Writes bench/out/real.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Finding, RuleId, ScanResult } from '../../src/core/contract.js';
import { blindSheet } from './blind.js';
import { labelFile, type LabelledRepo, type Site, type JudgedFinding } from './labels.js';
import { matchesFinding, matchesSite } from './match.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Another build (e.g. a worktree of an older commit) to compare: BENCH_BIN=/path/to/dist/src/cli/main.js.
const BIN = process.env.BENCH_BIN ?? path.join(ROOT, 'dist/src/cli/main.js');
const RULES: RuleId[] = ['pii-field', 'pii-logging', 'data-flow'];

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const reposDir = path.resolve(arg('--repos') ?? '/work/real');
const mirrorsDir = arg('--mirrors');
const sampleSize = Number(arg('--sample') ?? 0);
const only = arg('--only');
const blindSize = Number(arg('--blind') ?? 0);
const blindSeed = arg('--seed') ?? 'blind';

interface RepoResult {
  repo: string;
  commit: string;
  files: number;
  ms: number;
  findings: Record<RuleId, number>;
  internalErrors: string[];
  judged: Record<RuleId, { true: number; false: number; unjudged: number; gone: { true: number; false: number } }>;
  sites: Record<RuleId, { total: number; found: number; right: number }>;
  misses: { site: Site; found: 'no' | 'other data' }[];
  falsePositives: { label: JudgedFinding; finding: string }[];
  sample: Finding[];
}

const labelsDir = path.join(ROOT, 'bench/real/labels');
const labels = readdirSync(labelsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => labelFile(parse(readFileSync(path.join(labelsDir, f), 'utf8')), `bench/real/labels/${f}`))
  .filter((l) => !only || l.repo === only);

if (!existsSync(BIN)) {
  console.error('bench:real needs the built CLI: run `npm run build` first.');
  process.exit(2);
}

const results: RepoResult[] = [];
for (const label of labels) {
  const dir = checkout(label);
  if (!dir) continue;
  const root = path.join(dir, label.scanRoot);
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    console.error(`${label.repo}: the scan failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    process.exitCode = 1;
    continue;
  }
  const scan = JSON.parse(r.stdout) as ScanResult;
  results.push(evaluate(label, scan, ms));
  if (blindSize) {
    const out = path.join(ROOT, 'bench/out/blind', `${label.repo.replace('/', '__')}.yaml`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, blindSheet(label, scan, blindSize, blindSeed));
    console.error(`${label.repo}: blind audit sheet written to ${path.relative(ROOT, out)}`);
  }
}
print(results);
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/out/real.json'), `${JSON.stringify(results, null, 2)}\n`);

function checkout(label: LabelledRepo): string | undefined {
  const dir = path.join(reposDir, label.repo.replace('/', '__'));
  if (existsSync(dir)) return dir;
  const mirror = mirrorsDir && findGitDir(path.join(mirrorsDir, label.repo.replace('/', '+')));
  if (!mirror) {
    console.error(
      `${label.repo}: not on this machine; put its tree at commit ${label.commit} in ${dir} (or give --mirrors with a bare clone), skipped.`,
    );
    return undefined;
  }
  // Into a sibling first, so that an interrupted export never passes for a checkout next time.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const exported = spawnSync(
    'bash',
    ['-c', 'set -o pipefail; git --git-dir "$1" archive --format=tar "$2" | tar -x -C "$3"', 'export', mirror, label.commit, partial],
    { encoding: 'utf8' },
  );
  if (exported.status !== 0) {
    console.error(`${label.repo}: commit ${label.commit} could not be exported from ${mirror}: ${exported.stderr.trim()}`);
    rmSync(partial, { recursive: true, force: true });
    return undefined;
  }
  renameSync(partial, dir);
  return dir;
}

/** The bare git directory inside a mirror folder (it may sit a level or two down). */
function findGitDir(start: string, depth = 3): string | undefined {
  if (!existsSync(start) || !statSync(start).isDirectory()) return undefined;
  if (existsSync(path.join(start, 'HEAD')) && existsSync(path.join(start, 'objects'))) return start;
  if (depth === 0) return undefined;
  for (const name of readdirSync(start)) {
    const found = findGitDir(path.join(start, name), depth - 1);
    if (found) return found;
  }
  return undefined;
}

function evaluate(label: LabelledRepo, scan: ScanResult, ms: number): RepoResult {
  const findings = scan.findings.filter((f) => !f.suppressed);
  const per = <T>(make: () => T) => Object.fromEntries(RULES.map((r) => [r, make()])) as Record<RuleId, T>;
  const result: RepoResult = {
    repo: label.repo,
    commit: label.commit,
    files: scan.stats.files,
    ms: Math.round(ms),
    findings: per(() => 0),
    internalErrors: scan.errors.filter((e) => /internal error/i.test(e.message)).map((e) => `${e.file}: ${e.message}`),
    judged: per(() => ({ true: 0, false: 0, unjudged: 0, gone: { true: 0, false: 0 } })),
    sites: per(() => ({ total: 0, found: 0, right: 0 })),
    misses: [],
    falsePositives: [],
    sample: [],
  };
  const judgedIds = new Set<string>();
  for (const f of findings) result.findings[f.rule]++;
  for (const l of label.findings) {
    const now = findings.filter((f) => matchesFinding(l, f));
    const slot = result.judged[l.rule];
    if (!now.length) {
      slot.gone[l.verdict ? 'true' : 'false']++;
      continue;
    }
    now.forEach((f) => judgedIds.add(f.id));
    slot[l.verdict ? 'true' : 'false']++;
    if (!l.verdict) result.falsePositives.push({ label: l, finding: now[0]!.message });
  }
  const unjudged = findings.filter((f) => !judgedIds.has(f.id));
  for (const f of unjudged) result.judged[f.rule].unjudged++;
  // A stable pick: ordered by id (a hash), the first N of each rule.
  if (sampleSize)
    for (const rule of RULES)
      result.sample.push(
        ...unjudged
          .filter((f) => f.rule === rule)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, sampleSize),
      );
  for (const s of label.sites) {
    const slot = result.sites[s.rule];
    slot.total++;
    const match = matchesSite(s, findings);
    if (match === 'right') {
      slot.found++;
      slot.right++;
    } else if (match === 'other data') {
      slot.found++;
      result.misses.push({ site: s, found: 'other data' });
    } else result.misses.push({ site: s, found: 'no' });
  }
  return result;
}

function print(all: RepoResult[]): void {
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  for (const r of all) {
    console.log(
      `\n${r.repo} @ ${r.commit.slice(0, 7)}: ${r.files} files in ${(r.ms / 1000).toFixed(1)} s; findings ${RULES.map((x) => `${x} ${r.findings[x]}`).join(', ')}`,
    );
    if (r.internalErrors.length)
      console.log(`  internal errors: ${r.internalErrors.length}\n    ${r.internalErrors.slice(0, 5).join('\n    ')}`);
    for (const rule of RULES) {
      const j = r.judged[rule];
      const s = r.sites[rule];
      console.log(
        `  ${rule.padEnd(11)}  precision ${pct(j.true, j.true + j.false)} (${j.true}/${j.true + j.false} judged, ${j.unjudged} not judged, ${j.gone.true} true and ${j.gone.false} false gone)` +
          `  recall ${pct(s.right, s.total)} right data, ${pct(s.found, s.total)} at all (${s.right}/${s.found}/${s.total})`,
      );
    }
    for (const m of r.misses)
      console.log(
        `  miss${m.found === 'other data' ? ' (other data)' : ''}: ${m.site.rule} ${m.site.file}:${m.site.line} ${m.site.sink ?? ''} — ${m.site.reason}`,
      );
    for (const fp of r.falsePositives)
      console.log(`  false positive: ${fp.label.rule} ${fp.label.file}:${fp.label.line} — ${fp.label.reason}`);
    for (const f of r.sample)
      console.log(`  to judge: ${f.rule} ${f.file}:${f.line} ${f.sink?.id ?? f.symbol} [${f.categories.join(', ')}] ${f.message}`);
  }
  console.log('\nAll repositories:');
  for (const rule of RULES) {
    const t = all.reduce((a, r) => a + r.judged[rule].true, 0);
    const f = all.reduce((a, r) => a + r.judged[rule].false, 0);
    const total = all.reduce((a, r) => a + r.sites[rule].total, 0);
    const found = all.reduce((a, r) => a + r.sites[rule].found, 0);
    const right = all.reduce((a, r) => a + r.sites[rule].right, 0);
    console.log(
      `  ${rule.padEnd(11)}  precision ${pct(t, t + f)} (${t}/${t + f})  recall ${pct(right, total)} right data, ${pct(found, total)} at all (${right}/${found}/${total})`,
    );
  }
  const t = all.reduce((a, r) => a + RULES.reduce((b, x) => b + r.judged[x].true, 0), 0);
  const f = all.reduce((a, r) => a + RULES.reduce((b, x) => b + r.judged[x].false, 0), 0);
  const sites = all.reduce((a, r) => a + RULES.reduce((b, x) => b + r.sites[x].total, 0), 0);
  const right = all.reduce((a, r) => a + RULES.reduce((b, x) => b + r.sites[x].right, 0), 0);
  const found = all.reduce((a, r) => a + RULES.reduce((b, x) => b + r.sites[x].found, 0), 0);
  console.log(
    `  ${'overall'.padEnd(11)}  precision ${pct(t, t + f)} (${t}/${t + f})  recall ${pct(right, sites)} right data, ${pct(found, sites)} at all (${right}/${found}/${sites})`,
  );
  console.log(`  internal errors: ${all.reduce((a, r) => a + r.internalErrors.length, 0)}`);
}
