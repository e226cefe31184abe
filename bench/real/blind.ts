import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { Finding, RuleId, ScanResult } from '../../src/core/contract.js';
import type { LabelledRepo } from './labels.js';

const RULES: RuleId[] = ['pii-field', 'pii-logging', 'data-flow'];

/**
 * A blind audit sheet: `perRule` findings of each rule drawn at random from all of a scan's
 * findings (ordered by a seeded hash of their id, so the draw is repeatable and independent of
 * whether a label judges them), with what a judge needs to find the code and nothing of the
 * labels. `population` keeps how many findings each rule had, to weigh repositories.
 */
export function blindSheet(label: LabelledRepo, scan: ScanResult, perRule: number, seed: string): string {
  const findings = scan.findings.filter((f) => !f.suppressed);
  const rank = (f: Finding) => createHash('sha256').update(`${seed}:${f.id}:${f.file}:${f.line}`).digest('hex');
  const population = Object.fromEntries(RULES.map((r) => [r, findings.filter((f) => f.rule === r).length]));
  const drawn = RULES.flatMap((rule) =>
    findings
      .filter((f) => f.rule === rule)
      .map((f) => ({ f, key: rank(f) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, perRule)
      .map(({ f }) => f),
  );
  return stringify({
    repo: label.repo,
    commit: label.commit,
    scanRoot: label.scanRoot,
    seed,
    population,
    findings: drawn.map((f) => ({
      file: f.file,
      line: f.line,
      rule: f.rule,
      ...(f.sink ? { sink: f.sink.id } : {}),
      ...(f.symbol ? { symbol: f.symbol } : {}),
      categories: f.categories,
      message: f.message,
      verdict: null,
      reason: '',
    })),
  });
}
