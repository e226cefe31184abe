import type { Review } from '../../review/types.js';
import { ANNOTATIONS_PER_REQUEST } from '../constants.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

/** A safety bound, not a budget: 5,000 annotations are 100 update requests. */
export const MAX_ANNOTATIONS = 5000;
const MAX_MESSAGE = 4000;

const LEVEL = { high: 'failure', medium: 'warning', low: 'notice' } as const;

/**
 * Annotations for everything the review asks about on the head commit: new undeclared findings,
 * purpose drift and manifest problems. Declared, suppressed, fixed and old findings are in the
 * summary but not annotated.
 */
export function annotationsFor(review: Review): { annotations: Annotation[]; omitted: number } {
  const out: Annotation[] = [];
  for (const problem of review.manifest.problems) {
    out.push({
      path: problem.file,
      ...lines(problem.line, problem.line, problem.column, problem.column),
      annotation_level: problem.severity === 'error' ? 'failure' : 'warning',
      title: `Manifest ${problem.severity}: ${problem.code}`,
      message: cut(`${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`),
    });
  }
  for (const r of review.findings) {
    if (r.status !== 'new' || r.declared || r.finding.suppressed) continue;
    const f = r.finding;
    const trace = f.trace.map((t) => `${t.file}:${t.line}  ${t.note}`).join('\n');
    out.push({
      path: f.file,
      ...lines(f.line, f.endLine, f.column, f.endColumn),
      annotation_level: LEVEL[f.severity],
      title: `${f.rule} (${f.severity}): undeclared`,
      message: cut(`${f.message}${r.reason ? `\n${r.reason}` : ''}\n${f.remediation}`),
      ...(trace ? { raw_details: cut(trace) } : {}),
    });
  }
  for (const d of review.drift) {
    const f = d.finding;
    out.push({
      path: f.file,
      ...lines(f.line, f.endLine, f.column, f.endColumn),
      annotation_level: 'warning',
      title: 'Purpose drift',
      message: cut(d.message),
    });
  }
  return { annotations: out.slice(0, MAX_ANNOTATIONS), omitted: Math.max(0, out.length - MAX_ANNOTATIONS) };
}

/** GitHub takes 50 annotations per request. */
export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Columns only when the annotation is on one line (GitHub rejects them otherwise). */
function lines(
  start: number,
  end: number,
  startColumn: number,
  endColumn: number,
): Pick<Annotation, 'start_line' | 'end_line' | 'start_column' | 'end_column'> {
  const s = Math.max(1, start || 1);
  const e = Math.max(s, end || s);
  if (s !== e || !(startColumn > 0)) return { start_line: s, end_line: e };
  return { start_line: s, end_line: e, start_column: startColumn, end_column: Math.max(startColumn, endColumn || startColumn) };
}

function cut(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}
