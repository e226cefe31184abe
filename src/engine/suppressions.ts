import type { FileError, Suppression } from '../core/contract.js';

/**
 * Inline suppressions: `// privacy-review-ignore pii-logging -- reason` (or `/* ... *\/`) on the line
 * before the finding, or at the end of the finding's own line. Several rules may be listed, comma or
 * space separated; no rule means every rule. The reason after `--` is required: a suppression without
 * one does not suppress and is reported, so that every exception in the code explains itself.
 */
const DIRECTIVE = /privacy-review-ignore(?!-)(?<rest>[^\n]*)/;
const KNOWN_RULES = new Set(['pii-field', 'pii-logging', 'data-flow']);

export interface InlineSuppression {
  /** 1-based line the directive is written on. */
  line: number;
  rules: string[] | 'all';
  reason: string;
}

export interface ParsedSuppressions {
  byLine: Map<number, InlineSuppression>;
  problems: FileError[];
}

export function parseSuppressions(file: string, text: string): ParsedSuppressions {
  const byLine = new Map<number, InlineSuppression>();
  const problems: FileError[] = [];
  if (!text.includes('privacy-review-ignore')) return { byLine, problems };
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, i) => {
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const line = i + 1;
    const rest = (m.groups?.rest ?? '').replace(/\*\/.*$/, '');
    const sep = rest.indexOf('--');
    const rulePart = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const rules = rulePart ? rulePart.split(/[\s,]+/).filter(Boolean) : [];
    const unknown = rules.filter((r) => !KNOWN_RULES.has(r));
    if (unknown.length) {
      problems.push({
        file,
        line,
        message: `Suppression names unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}; use pii-field, pii-logging or data-flow.`,
      });
      return;
    }
    if (!reason) {
      problems.push({
        file,
        line,
        message: 'Suppression has no reason and is ignored; write it as `// privacy-review-ignore <rule> -- <why this is safe>`.',
      });
      return;
    }
    byLine.set(line, { line, rules: rules.length ? rules : 'all', reason });
  });
  return { byLine, problems };
}

/** The suppression that applies to a finding starting on `line` (directive on the line before or the same line). */
export function suppressionFor(parsed: ParsedSuppressions, rule: string, line: number): Suppression | undefined {
  for (const at of [line - 1, line]) {
    const s = parsed.byLine.get(at);
    if (s && (s.rules === 'all' || s.rules.includes(rule))) return { kind: 'inline', reason: s.reason };
  }
  return undefined;
}
