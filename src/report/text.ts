import type { Finding, ScanResult, Severity } from '../core/contract.js';
import { plural, sinkLabel, summaryLine, type ReportOptions } from './common.js';

/** Lists longer than this (skipped files, errors) are cut, with a count of the rest. */
const LIST_LIMIT = 20;

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  severity(s: Severity, text: string): string;
  ok(s: string): string;
  bad(s: string): string;
}

const ANSI = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Paint = {
  bold: ANSI(1, 22),
  dim: ANSI(2, 22),
  severity: (s, text) => (s === 'high' ? ANSI(31, 39) : s === 'medium' ? ANSI(33, 39) : ANSI(36, 39))(text),
  ok: ANSI(32, 39),
  bad: ANSI(31, 39),
};
const PLAIN: Paint = { bold: (s) => s, dim: (s) => s, severity: (_, t) => t, ok: (s) => s, bad: (s) => s };

/** Human-readable terminal report: findings by file with their traces, then suppressed, skipped, errors, summary. */
export function renderText(result: ScanResult, options: ReportOptions): string {
  const paint = options.color ? COLOR : PLAIN;
  const out: string[] = [];
  const listed = result.findings.filter((f) => options.showSuppressed || !f.suppressed);

  const byFile = new Map<string, Finding[]>();
  for (const f of listed) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(paint.bold(file));
    const locWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of findings) out.push(...findingLines(f, locWidth, paint));
    out.push('');
  }

  const suppressed = result.findings.filter((f) => f.suppressed).length;
  if (suppressed && !options.showSuppressed) {
    out.push(paint.dim(`${plural(suppressed, 'suppressed finding')} not shown (--show-suppressed lists them).`), '');
  }
  if (result.skipped.length) {
    out.push(paint.bold(`Skipped ${plural(result.skipped.length, 'file')}:`));
    out.push(...capped(result.skipped.map((s) => `  ${s.file}  ${paint.dim(s.reason)}`)), '');
  }
  if (result.errors.length) {
    out.push(paint.bold(`Errors (${result.errors.length}):`));
    const lines = result.errors.map((e) => `  ${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}  ${e.message}`);
    out.push(...capped(lines), '');
  }
  const open = result.findings.length - suppressed;
  out.push(open ? paint.bad(`✖ ${summaryLine(result)}`) : paint.ok(`✔ ${summaryLine(result)}`));
  return `${out.join('\n')}\n`;
}

function findingLines(f: Finding, locWidth: number, paint: Paint): string[] {
  const loc = `${f.line}:${f.column}`.padEnd(locWidth);
  const severity = paint.severity(f.severity, f.severity.padEnd(6));
  const categories = f.categories.length ? `  [${f.categories.join(', ')}]` : '';
  const sink = f.sink ? `  → ${sinkLabel(f.sink)}` : '';
  const head = `  ${loc}  ${severity}  ${f.rule.padEnd(11)}  ${f.message}${paint.dim(categories + sink)}`;
  const lines = [
    f.suppressed ? paint.dim(`${head}  (suppressed${f.suppression ? ` by ${f.suppression.kind}: ${f.suppression.reason}` : ''})`) : head,
  ];
  const indent = ' '.repeat(locWidth + 4);
  f.trace.forEach((step, i) => {
    const label = i === 0 ? 'from' : i === f.trace.length - 1 ? 'to  ' : 'via ';
    lines.push(paint.dim(`${indent}${label} ${step.file}:${step.line}  ${step.note}`));
  });
  return lines;
}

function capped(lines: string[]): string[] {
  if (lines.length <= LIST_LIMIT) return lines;
  return [...lines.slice(0, LIST_LIMIT), `  … and ${lines.length - LIST_LIMIT} more (--format json lists all)`];
}
