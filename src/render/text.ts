import { styleText } from 'node:util';
import type { Finding } from '../core/contract.js';
import { sinkLabel } from '../report/common.js';
import type { Review, ReviewedFinding } from '../review/types.js';
import { DECISION_TITLE, countParts, digest } from './digest.js';
import { countOf, groupSkipped } from './skipped-groups.js';
import { describeScope } from './scope.js';

/** Lists longer than this are cut, with a count of the rest. */
const LIST_LIMIT = 20;

// The caller decides about colour (a TTY without NO_COLOR), so styleText must not check stdout again.
const styleWithoutStreamCheck = styleText;
const style = (format: Parameters<typeof styleText>[0]) => (s: string) => styleWithoutStreamCheck(format, s, { validateStream: false });
const bold = style('bold');
const dim = style('dim');
const DECISION_COLOR = { pass: style('green'), review_required: style('yellow'), fail: style('red') };
/** The colours `scan` gives severities. */
const SEVERITY_COLOR: Record<string, (s: string) => string> = { high: style('red'), medium: style('yellow'), low: style('cyan') };

/**
 * The review for a terminal: verdict, counts and reasons, then the findings with their status, the
 * manifest's problems and changes, and the next steps last, where the eye lands after the command.
 */
export function renderReviewText(review: Review, options: { color?: boolean; width?: number } = {}): string {
  const plain = (s: string) => s;
  const paint = options.color
    ? { bold, dim, severity: (sev: string, s: string) => (SEVERITY_COLOR[sev] ?? plain)(s) }
    : { bold: plain, dim: plain, severity: (_: string, s: string) => s };
  const d = digest(review, { pointers: false });
  const out: string[] = [];
  const title = `Privacy review: ${DECISION_TITLE[review.verdict.decision] ?? review.verdict.decision}`;
  out.push(options.color ? bold(DECISION_COLOR[review.verdict.decision]?.(title) ?? title) : title);
  out.push(`  ${countParts(d).join(' · ')}`);
  for (const reason of review.verdict.reasons) out.push(`  - ${clean(reason)}`);
  const side = (s: Review['base']) => `${clean(s.ref)}${s.sha ? ` (${clean(s.sha.slice(0, 7))})` : ''}`;
  out.push(
    paint.dim(
      `  fingerprint ${clean(review.verdict.reviewFingerprint.slice(0, 12))} · base ${side(review.base)} → head ${side(review.head)}`,
    ),
    '',
  );

  if (!review.manifest.present) out.push(`No data-flow manifest at ${clean(review.manifest.file)}.`, '');
  section(out, paint, 'Manifest problems', review.manifest.problems, (p) => [
    `  ${clean(`${p.file}:${p.line}:${p.column}`)}  ${p.severity}  ${clean(p.code)}  ${clean(p.message)}`,
    ...(p.hint ? [paint.dim(`      ${clean(p.hint)}`)] : []),
  ]);
  section(out, paint, 'New findings to resolve', d.actionable, (r) => findingLines(r, paint));
  section(out, paint, 'Purpose drift', review.drift, (x) => [
    `  ${clean(x.sink)}  ${clean(`${x.finding.file}:${x.finding.line}`)}  ${clean(x.message)}`,
  ]);
  section(out, paint, 'Kept from analysis by this change', review.excluded, (e) => [
    `  ${e.kind.padEnd(10)}  ${clean(`${e.file}${e.line ? `:${e.line}` : ''}`)}  ${e.finding ? `${e.finding.rule}  ${clean(e.finding.message)}  ` : ''}${paint.dim(clean(e.reason))}`,
  ]);
  section(out, paint, 'Manifest changes', review.manifest.changes, (c) => [`  ${c.change.padEnd(8)}  ${clean(c.summary)}`]);
  section(out, paint, 'New and declared', d.newDeclared, (r) => findingLines(r, paint));
  section(out, paint, 'Undeclared before this change', d.existingUndeclared, (r) => findingLines(r, paint));
  section(out, paint, 'Fixed', d.fixed, (r) => findingLines(r, paint));
  section(out, paint, 'Stale declarations', review.stale, (s) => [
    `  ${s.kind === 'flow' ? 'flow' : 'dataset field'} ${clean(s.id)}${s.location ? `  ${clean(`${s.location.file}:${s.location.line}`)}` : ''}  ${clean(s.message)}`,
  ]);
  section(out, paint, 'Not analyzed (errors)', review.errors, (e) => [
    `  ${clean(`${e.file}${e.line ? `:${e.line}` : ''}`)}  ${clean(e.message)}`,
  ]);
  skippedSection(out, paint, review.skipped);
  const scope = describeScope(review);
  if (scope) out.push(paint.dim(clean(scope)), '');

  out.push(paint.bold('Next steps:'));
  d.nextSteps.forEach((step, i) => out.push(`  ${i + 1}. ${clean(step)}`));
  const lines = options.width ? out.flatMap((l) => wrapLine(l, options.width!)) : out;
  return `${lines.join('\n')}\n`;
}

function section<T>(
  out: string[],
  paint: { bold(s: string): string },
  title: string,
  items: readonly T[],
  lines: (item: T) => string[],
): void {
  if (!items.length) return;
  out.push(paint.bold(`${title} (${items.length.toLocaleString('en-US')}):`));
  for (const item of items.slice(0, LIST_LIMIT)) out.push(...lines(item));
  if (items.length > LIST_LIMIT) out.push(`  … and ${(items.length - LIST_LIMIT).toLocaleString('en-US')} more (--format json lists all)`);
  out.push('');
}

/** Skipped files by reason: one line per reason, the gaps (too large, unreadable) first. */
function skippedSection(out: string[], paint: { bold(s: string): string; dim(s: string): string }, skipped: Review['skipped']): void {
  if (!skipped.length) return;
  const groups = groupSkipped(skipped);
  out.push(paint.bold(`Skipped (${skipped.length.toLocaleString('en-US')}):`));
  for (const g of groups.slice(0, LIST_LIMIT)) {
    if (g.files.length === 1) out.push(`  ${clean(g.files[0])}  ${paint.dim(clean(g.reason))}`);
    else out.push(`  ${countOf(g)}  ${paint.dim(clean(g.reason))}  e.g. ${clean(g.files.slice(0, 3).join(', '))}`);
  }
  if (groups.length > LIST_LIMIT)
    out.push(`  … and ${(groups.length - LIST_LIMIT).toLocaleString('en-US')} more reasons (--format json lists all)`);
  out.push('');
}

function findingLines(r: ReviewedFinding, paint: { dim(s: string): string; severity(sev: string, s: string): string }): string[] {
  const f: Finding = r.finding;
  const categories = f.categories.length ? `  [${f.categories.join(', ')}]` : '';
  const sink = f.sink ? `  → ${sinkLabel(f.sink)}` : '';
  const lines = [
    `  ${(r.previous ? 'changed' : r.status).padEnd(9)} ${paint.severity(f.severity, f.severity.padEnd(6))}  ${f.rule.padEnd(11)}  ${clean(`${f.file}:${f.line}:${f.column}`)}  ${clean(f.message)}${paint.dim(clean(categories + sink))}`,
  ];
  const indent = ' '.repeat(13);
  if (!r.declared && r.reason) lines.push(paint.dim(`${indent}not declared: ${clean(r.reason)}`));
  if (r.declared && r.declaration) lines.push(paint.dim(`${indent}declared by ${r.declaration.kind} ${clean(r.declaration.id)}`));
  return lines;
}

/** Text from code, without control characters: a file name must not be able to drive the terminal. */
function clean(text: string): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')
    .replace(/\n/g, ' ');
}

/**
 * A line cut at word boundaries to `width` columns, continued under its text (the indent after the
 * leading spaces and list marker); colour codes take no columns. A word longer than the width stays whole.
 */
export function wrapLine(line: string, width: number): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  if (visible(line) <= width) return [line];
  const lead = /^(\s*(?:\d+\.\s|-\s)?)/.exec(visible(line) === line.length ? line : line.replace(/\u001b\[[0-9;]*m/g, ''))![1].length;
  const hang = ' '.repeat(Math.min(lead, Math.floor(width / 2)));
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\S) +/)) {
    // A list marker keeps its first word, however long.
    if (current && visible(current) > lead && visible(current) + 1 + visible(word.trimStart()) > width) {
      out.push(current);
      current = hang + word.trimStart();
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) out.push(current);
  return out;
}
