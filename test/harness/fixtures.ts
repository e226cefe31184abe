import type { Finding, ScanResult } from '../../src/core/contract.js';
import { readAnnotations, type Expectation } from './annotations.js';

export interface FixtureReport {
  problems: string[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Compare a scan of an annotated fixture project with its annotations. Every expected finding must be
 * there; every finding of a checked rule on a line without an `expect` is an extra (a false positive).
 */
export async function compareWithAnnotations(root: string, result: ScanResult, rules?: string[]): Promise<FixtureReport> {
  const expectations = await readAnnotations(root);
  const checked = new Set(rules ?? ['pii-field', 'pii-logging', 'data-flow']);
  const problems: string[] = [];
  const used = new Set<Finding>();
  let tp = 0;
  let fn = 0;
  for (const e of expectations.filter((x) => checked.has(x.rule))) {
    const onLine = result.findings.filter((f) => f.file === e.file && f.line === e.line && f.rule === e.rule);
    if (e.kind === 'ok') {
      for (const f of onLine) {
        problems.push(
          `${e.file}:${e.line} unexpected ${f.rule} [${f.categories.join(', ')}] (marked ok at line ${e.annotationLine}): ${f.message}`,
        );
        used.add(f);
      }
      continue;
    }
    const match = onLine.find((f) => !used.has(f) && matches(e, f));
    if (match) {
      used.add(match);
      tp++;
    } else {
      fn++;
      const got = onLine
        .map((f) => `${f.rule}${f.sink ? `[${f.sink.id}]` : ''} [${f.categories.join(', ')}]${f.suppressed ? ' (suppressed)' : ''}`)
        .join('; ');
      problems.push(
        `${e.file}:${e.line} missing ${e.kind} ${e.rule}${e.sinkId ? `[${e.sinkId}]` : ''} [${e.categories.join(', ')}${e.atLeast ? ' ...' : ''}]` +
          (got ? ` — found instead: ${got}` : ''),
      );
    }
  }
  let fp = 0;
  for (const f of result.findings) {
    if (!checked.has(f.rule) || used.has(f)) continue;
    fp++;
    problems.push(
      `${f.file}:${f.line} unexpected ${f.rule}${f.sink ? `[${f.sink.id}]` : ''} [${f.categories.join(', ')}]${f.suppressed ? ' (suppressed)' : ''}: ${f.message}`,
    );
  }
  return { problems, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

function matches(e: Expectation, f: Finding): boolean {
  if (e.sinkId && f.sink?.id !== e.sinkId) return false;
  if ((e.kind === 'expect-suppressed') !== f.suppressed) return false;
  if (e.atLeast) return e.categories.every((c) => f.categories.includes(c));
  return e.categories.length === f.categories.length && e.categories.every((c) => f.categories.includes(c));
}

export type { Expectation };
