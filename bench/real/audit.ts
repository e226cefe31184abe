/**
 * `npm run bench:audit [-- DIR]`: scores blind audit sheets (default bench/real/audits/), each a
 * sheet that `bench:real --blind N` drew and a judge who had not seen the labels filled in with a
 * verdict and a reason per finding. Prints per rule the blind precision (pooled, with a Wilson 95 %
 * interval, and weighted by each repository's number of findings), per repository, and how often the
 * blind verdicts agree with the labels' where both judged the same finding; lists the disagreements,
 * which are for a third reading, not for either side to win by default.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Finding, RuleId } from '../../src/core/contract.js';
import { labelFile, type JudgedFinding } from './labels.js';
import { matchesFinding } from './match.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULES: RuleId[] = ['pii-field', 'pii-logging', 'data-flow'];

interface AuditedFinding extends JudgedFinding {
  message?: string;
}

interface Sheet {
  name: string;
  repo: string;
  population: Record<RuleId, number>;
  findings: AuditedFinding[];
}

const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'bench/real/audits'));
const sheets = yamlFiles(dir).map(readSheet);
if (!sheets.length) {
  console.error(`No audit sheets under ${path.relative(process.cwd(), dir) || '.'}: draw them with \`npm run bench:real -- --blind N\`.`);
  process.exit(2);
}
const labels = new Map(
  readdirSync(path.join(ROOT, 'bench/real/labels'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => labelFile(parse(readFileSync(path.join(ROOT, 'bench/real/labels', f), 'utf8')), `bench/real/labels/${f}`))
    .map((l) => [l.repo, l]),
);

const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
const disagreements: string[] = [];
let agree = 0;
let compared = 0;
console.log('Blind audit: precision of findings drawn at random, judged without the labels\n');
for (const rule of [...RULES, undefined]) {
  let t = 0;
  let n = 0;
  let weighted = 0;
  let weight = 0;
  const perRepo: string[] = [];
  for (const s of sheets) {
    const mine = s.findings.filter((f) => !rule || f.rule === rule);
    if (!mine.length) continue;
    const yes = mine.filter((f) => f.verdict).length;
    t += yes;
    n += mine.length;
    const pop = rule ? s.population[rule] : RULES.reduce((a, r) => a + s.population[r], 0);
    weighted += (yes / mine.length) * pop;
    weight += pop;
    perRepo.push(`${s.repo.split('/')[1]} ${pct(yes, mine.length)} (${yes}/${mine.length} of ${pop})`);
  }
  const [lo, hi] = wilson(t, n);
  console.log(
    `${(rule ?? 'overall').padEnd(11)}  ${pct(t, n)} (${t}/${n}, 95 % ${lo.toFixed(2)}–${hi.toFixed(2)}), weighted by findings ${weight ? (weighted / weight).toFixed(2) : '—'}`,
  );
  console.log(`             ${perRepo.join('; ')}`);
}
for (const s of sheets) {
  const label = labels.get(s.repo);
  if (!label) continue;
  for (const f of s.findings) {
    const other = label.findings.find((l) => matchesFinding(l, asFinding(f)));
    if (!other) continue;
    compared++;
    if (other.verdict === f.verdict) agree++;
    else
      disagreements.push(
        `${s.repo} ${f.rule} ${f.file}:${f.line}: blind ${f.verdict} (${f.reason}) / label ${other.verdict} (${other.reason})`,
      );
  }
}
console.log(`\nAgreement with the labels where both judged: ${pct(agree, compared)} (${agree}/${compared})`);
for (const d of disagreements) console.log(`  differs: ${d}`);

function yamlFiles(at: string): string[] {
  if (!statSync(at, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(at, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(at, e.name)) : e.name.endsWith('.yaml') ? [path.join(at, e.name)] : [],
  );
}

function readSheet(file: string): Sheet {
  const name = path.relative(ROOT, file);
  const d = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  const fail = (what: string): never => {
    console.error(`${name}: ${what}`);
    process.exit(2);
  };
  const list = Array.isArray(d.findings) ? (d.findings as Record<string, unknown>[]) : fail('expected a `findings` list');
  // labelFile checks each entry as a judged finding (file, line, rule, verdict, reason).
  let checked;
  try {
    checked = labelFile({ repo: d.repo, commit: d.commit, shape: 'audit', labelledWith: 'audit', findings: list }, name);
  } catch (e) {
    return fail((e as Error).message.slice(name.length + 2));
  }
  const population = (d.population ?? {}) as Record<RuleId, number>;
  for (const r of RULES) if (!Number.isInteger(population[r])) fail(`population.${r}: expected the rule's number of findings`);
  return {
    name,
    repo: checked.repo,
    population,
    findings: checked.findings.map((f, i) => ({ ...f, message: typeof list[i]!.message === 'string' ? list[i]!.message : undefined })),
  };
}

/** Enough of a finding for matchesFinding. */
function asFinding(f: AuditedFinding): Finding {
  return {
    file: f.file,
    line: f.line,
    rule: f.rule,
    symbol: f.symbol ?? '',
    categories: f.categories ?? [],
    sink: f.sink ? { id: f.sink, package: f.sink.split(':')[0] } : null,
  } as unknown as Finding;
}

/** Wilson score interval at 95 %: honest for small samples and for proportions near 1. */
function wilson(k: number, n: number): [number, number] {
  if (!n) return [0, 0];
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
