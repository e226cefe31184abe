import type { AnalyzerMeta } from '../core/analyzer.js';
import type { Finding, ScanResult, Severity, SinkRef } from '../core/contract.js';

/** What every renderer may use; reports never import the analyzers themselves. */
export interface ReportOptions {
  /** Metadata of the analyzers that ran, in report order (rule names and help). */
  rules: readonly AnalyzerMeta[];
  /** List suppressed findings too (text); they are always counted. */
  showSuppressed?: boolean;
  /** ANSI colours (text); the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
  /** Upper bound on the size of the markdown report, in characters. */
  maxChars?: number;
}

export const SEVERITIES_DESC: readonly Severity[] = ['high', 'medium', 'low'];
const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

export function unsuppressed(result: ScanResult): Finding[] {
  return result.findings.filter((f) => !f.suppressed);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Rules in report order: the analyzers' order, then any rule only the findings mention. */
export function ruleOrder(result: ScanResult | readonly Finding[], rules: readonly AnalyzerMeta[]): string[] {
  const ids = rules.map((r) => r.id as string);
  const findings = Array.isArray(result) ? (result as readonly Finding[]) : (result as ScanResult).findings;
  for (const f of findings) if (!ids.includes(f.rule)) ids.push(f.rule);
  return ids;
}

export function sinkLabel(sink: SinkRef): string {
  return sink.label && sink.label !== sink.id ? `${sink.label} (${sink.id})` : sink.id;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : pluralWord}`;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The one-line outcome, also printed on stderr when the report goes to a file:
 * `5 findings (2 high, 3 medium) · pii-logging 4, data-flow 1 · 1 suppressed · 42 files, 3,210 lines in 1.2 s`.
 */
export function summaryLine(result: ScanResult): string {
  const open = unsuppressed(result);
  const bySeverity = countBySeverity(open);
  const parts: string[] = [];
  if (open.length) {
    const severities = SEVERITIES_DESC.filter((s) => bySeverity[s]).map((s) => `${bySeverity[s]} ${s}`);
    parts.push(`${plural(open.length, 'finding')} (${severities.join(', ')})`);
    const byRule = Object.entries(result.stats.byRule).filter(([, n]) => n > 0);
    if (byRule.length) parts.push(byRule.map(([rule, n]) => `${rule} ${n}`).join(', '));
  } else {
    parts.push('No findings');
  }
  if (result.stats.suppressed) parts.push(`${result.stats.suppressed} suppressed`);
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped`);
  if (result.errors.length) parts.push(plural(result.errors.length, 'error'));
  parts.push(`${plural(result.stats.files, 'file')}, ${plural(result.stats.lines, 'line')} in ${duration(result.stats.durationMs)}`);
  return parts.join(' · ');
}

/** First paragraph of a markdown help text, as plain text. */
export function firstParagraph(markdown: string): string {
  const paragraph =
    markdown
      .trim()
      .split(/\n\s*\n/)
      .find((p) => !/^\s*#/.test(p)) ?? markdown;
  return plainText(paragraph).replace(/\s+/g, ' ').trim();
}

/** Markdown reduced to readable plain text: no emphasis, code ticks or link syntax. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .trim();
}
