import type { Finding, ScanResult } from '../core/contract.js';
import {
  SEVERITIES_DESC,
  countBySeverity,
  duration,
  plural,
  ruleOrder,
  severityRank,
  sinkLabel,
  unsuppressed,
  type ReportOptions,
} from './common.js';

/** Under GitHub's 65,536-character limit for comments (job summaries allow 1 MiB). */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;
const ERROR_LIMIT = 20;

/**
 * Compact report for CI job summaries and PR comments: a summary table, then unsuppressed findings
 * grouped by rule. Everything taken from code is escaped, and the whole stays under `maxChars`
 * ("… and N more" once the budget is spent).
 */
export function renderMarkdown(result: ScanResult, options: ReportOptions): string {
  const limit = options.maxChars ?? DEFAULT_MARKDOWN_LIMIT;
  const open = unsuppressed(result);
  const counts = countBySeverity(open);
  const out: string[] = [];
  out.push(`## Privacy review: ${open.length ? plural(open.length, 'finding') : 'no findings'}`, '');
  out.push('| Severity | Findings |', '| --- | ---: |');
  for (const s of SEVERITIES_DESC) out.push(`| ${s[0].toUpperCase()}${s.slice(1)} | ${counts[s]} |`);
  out.push(`| Suppressed | ${result.stats.suppressed} |`, '');
  const facts = [plural(result.stats.files, 'file'), plural(result.stats.lines, 'line'), duration(result.stats.durationMs)];
  if (result.skipped.length) facts.push(`${result.skipped.length} skipped`);
  if (result.errors.length) facts.push(plural(result.errors.length, 'error'));
  out.push(`${facts.join(' · ')}`, '');

  // Room kept for the closing "and N more" line and the errors block.
  const reserve = 300 + Math.min(result.errors.length, ERROR_LIMIT) * 200;
  let size = length(out);
  let shown = 0;
  for (const ruleId of ruleOrder(result, options.rules)) {
    const findings = open.filter((f) => f.rule === ruleId).sort(bySeverityThenPlace);
    if (!findings.length) continue;
    const meta = options.rules.find((r) => r.id === ruleId);
    const header = [
      `### ${escape(ruleId)}${meta ? `: ${escape(meta.name)}` : ''} (${findings.length})`,
      '',
      '| Location | Severity | Categories | Sink | Message |',
      '| --- | --- | --- | --- | --- |',
    ];
    if (size + length(header) + reserve > limit) break;
    const rows: string[] = [];
    for (const f of findings) {
      const row = findingRow(f);
      if (size + length(header) + length(rows) + row.length + 1 + reserve > limit) break;
      rows.push(row);
    }
    if (!rows.length) break;
    out.push(...header, ...rows, '');
    size = length(out);
    shown += rows.length;
    if (rows.length < findings.length) break;
  }
  if (shown < open.length)
    out.push(`_… and ${plural(open.length - shown, 'more finding')} not shown; see the JSON or SARIF report for all of them._`, '');

  if (result.errors.length) {
    out.push(`<details><summary>${plural(result.errors.length, 'file error')}</summary>`, '');
    for (const e of result.errors.slice(0, ERROR_LIMIT))
      out.push(`- ${escape(`${e.file}${e.line ? `:${e.line}` : ''}`)}: ${escape(truncate(e.message, 160))}`);
    if (result.errors.length > ERROR_LIMIT) out.push(`- … and ${result.errors.length - ERROR_LIMIT} more`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function findingRow(f: Finding): string {
  const cells = [
    escape(`${f.file}:${f.line}`),
    f.severity,
    escape(f.categories.join(', ')) || '–',
    f.sink ? escape(sinkLabel(f.sink)) : '–',
    withCode(truncate(f.message, 300)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * Text from code or file names as literal Markdown: backslash before every character GitHub could
 * read as syntax (pipes would split table cells, `<` would start HTML), newlines as spaces.
 */
export function escape(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&');
}

/**
 * Messages quote code in backticks (`user.email`): keep those as code spans, which Markdown does not
 * interpret, and escape the rest. Only the pipe needs escaping inside a span (GFM tables split on it).
 * `escapeText` escapes the parts outside the spans (the PR checklist adds mention neutralisation).
 */
export function withCode(text: string, escapeText: (text: string) => string = escape): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeText(text); // an unpaired backtick: no spans at all
  // Doubled backticks (an empty span, or two spans with nothing between) would read as a longer fence
  // that pairs with backticks elsewhere: no spans at all then either.
  if (parts.some((part, i) => part === '' && i > 0 && i < parts.length - 1)) return escapeText(text);
  return parts.map((part, i) => (i % 2 ? `\`${part.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|')}\`` : escapeText(part))).join('');
}

/** At most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function length(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line;
}
