import type { Finding } from '../core/contract.js';
import type { Exclusion, ReviewedFinding } from './types.js';
import { TEST_SCOPE_REASON } from '../engine/test-scope.js';

/** A head file the scan did not analyze (skipped, or the analysis failed on it). */
export interface UnanalyzedFile {
  file: string;
  kind: 'skipped' | 'unanalyzed';
  reason: string;
  line?: number;
  /** The file is new or differs from the base side. */
  changed: boolean;
  /** SHA-256 of its bytes, when it is on disk. */
  content?: string;
}

/**
 * Skips the pull request's author does not control, or that hide no code: the configuration is
 * read from the base side, a `.d.ts` file runs nothing, a symlink inside the tree is analyzed at
 * its target, and a file missing from one side is a deletion. Tests, fixtures and vendored code
 * are out of scope by default and do not ship; production code cannot hide there, since a file
 * there that analyzed code imports is analyzed (src/engine/imported-test-scope.ts).
 */
const NOT_THE_AUTHORS = [
  TEST_SCOPE_REASON,
  /^(?:directory is )?excluded by the configuration/,
  /^type declaration file/,
  /^file not found/,
  /^symlink to .*, which is analyzed at its own path$/,
  /^broken symlink/,
  /^symlink loop/,
];

export function authorCanSkip(reason: string): boolean {
  // Vendored code ships with the product (and need not be imported to run): a change to it is shown.
  if (/\(vendored code\)/.test(reason)) return true;
  return !NOT_THE_AUTHORS.some((r) => r.test(reason));
}

/** Problems of a suppression directive are reported as errors but keep nothing from analysis. */
export function losesAnalysis(error: { message: string }): boolean {
  return !/^Suppression /.test(error.message);
}

export interface ExclusionInput {
  /** The reviewed findings (head's new and unchanged, base's fixed). */
  findings: readonly ReviewedFinding[];
  /** Every finding of the base side, suppressed ones included. */
  baseFindings: readonly Finding[];
  unanalyzed: readonly UnanalyzedFile[];
}

/**
 * What the change newly keeps from analysis: inline suppressions it adds or rewords, changed files
 * the scan skips or fails on, and unchanged files whose findings it hides (a `.gitignore` entry).
 * Everything here is decided on the head side, which the author writes, so each is for a reviewer.
 */
export function findExclusions(input: ExclusionInput): Exclusion[] {
  const out: Exclusion[] = [];
  const baseById = new Map(input.baseFindings.map((f) => [f.id, f]));
  for (const r of input.findings) {
    const f = r.finding;
    if (r.status === 'fixed' || f.suppression?.kind !== 'inline') continue;
    const before = r.status === 'unchanged' ? counterpart(r, baseById, input.baseFindings) : undefined;
    if (before?.suppression?.kind === 'inline' && before.suppression.reason === f.suppression.reason) continue;
    out.push({
      kind: 'suppressed',
      file: f.file,
      line: f.line,
      reason: f.suppression.reason,
      finding: { id: f.id, rule: f.rule, severity: f.severity, message: f.message },
    });
  }

  const hiding = new Set(input.findings.filter((r) => r.status === 'fixed').map((r) => r.finding.file));
  const seen = new Set<string>();
  for (const u of input.unanalyzed) {
    const hides = !u.changed && hiding.has(u.file);
    if (!u.changed && !hides) continue;
    const key = `${u.kind}\u0000${u.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: u.kind,
      file: u.file,
      ...(u.line !== undefined ? { line: u.line } : {}),
      reason: hides ? `${u.reason}; its findings on the base side are no longer analyzed` : u.reason,
      ...(u.content ? { content: u.content } : {}),
    });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** The base finding an unchanged head finding was paired with: same id, or the same finding in a renamed file. */
function counterpart(r: ReviewedFinding, byId: ReadonlyMap<string, Finding>, base: readonly Finding[]): Finding | undefined {
  if (r.baseFile === undefined) return byId.get(r.finding.id);
  const f = r.finding;
  return base.find((b) => b.file === r.baseFile && b.rule === f.rule && b.symbol === f.symbol && b.message === f.message);
}
