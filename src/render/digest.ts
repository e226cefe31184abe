import type { RuleId } from '../core/contract.js';
import type { ManifestProblem } from '../manifest/types.js';
import { plural, severityRank } from '../report/common.js';
import type { Decision, Review, ReviewedFinding } from '../review/types.js';

/**
 * What every format of the review says, decided once: which findings ask for action, the counts, and
 * the next steps. Messages here are plain text that quotes code in backticks; the Markdown renders the
 * quotes as code spans, the terminal prints them as they are.
 */
export interface ReviewDigest {
  /** New in this PR and not declared: the checklist items. Most severe first. */
  actionable: ReviewedFinding[];
  /** New in this PR and covered by the manifest (or an exception): for the reviewer to confirm. */
  newDeclared: ReviewedFinding[];
  /** Undeclared before this PR already: not this PR's doing, but still in the review fingerprint. */
  existingUndeclared: ReviewedFinding[];
  fixed: ReviewedFinding[];
  counts: Record<RuleId, number> & { fixed: number; newDeclared: number; existingUndeclared: number };
  /** New findings that replace a base finding at the same place with other data ("now also sends ..."). */
  changed: number;
  manifestErrors: ManifestProblem[];
  nextSteps: string[];
}

export const DECISION_TITLE: Record<Decision, string> = { pass: 'Pass', review_required: 'Review required', fail: 'Fail' };

/** Rules in the order the checklist lists them when their severities tie. */
export const RULE_ORDER: readonly RuleId[] = ['pii-logging', 'data-flow', 'pii-field'];

export const RULE_TITLE: Record<RuleId, string> = {
  'pii-logging': 'Personal data in logs',
  'data-flow': 'Undeclared data flows',
  'pii-field': 'Undeclared personal-data fields',
};

const RULE_NOUN: Record<RuleId, [string, string]> = {
  'data-flow': ['data flow', 'data flows'],
  'pii-field': ['personal-data field', 'personal-data fields'],
  'pii-logging': ['log call with personal data', 'log calls with personal data'],
};

const COUNT_NOUN: Record<RuleId, [string, string]> = {
  'data-flow': ['new undeclared flow', 'new undeclared flows'],
  'pii-field': ['new PII field', 'new PII fields'],
  'pii-logging': ['new PII log call', 'new PII log calls'],
};

/**
 * `pointers`: the next steps point at sections of the checklist ("snippets below"); the terminal
 * version has no snippets and lists everything above its steps, so it leaves them out.
 */
export function digest(review: Review, options: { pointers?: boolean } = {}): ReviewDigest {
  const live = review.findings.filter((r) => !r.finding.suppressed);
  const actionable = live.filter((r) => r.status === 'new' && !r.declared).sort(mostSevereFirst);
  const newDeclared = live.filter((r) => r.status === 'new' && r.declared).sort(mostSevereFirst);
  const existingUndeclared = live.filter((r) => r.status === 'unchanged' && !r.declared).sort(mostSevereFirst);
  const fixed = review.findings.filter((r) => r.status === 'fixed').sort(mostSevereFirst);
  // Flows count destinations, not call sites: two calls to one new vendor are one new flow.
  const byRule = (rule: RuleId) => {
    const of = actionable.filter((r) => r.finding.rule === rule);
    return rule === 'data-flow' ? new Set(of.map((r) => r.finding.sink?.id ?? r.finding.symbol)).size : of.length;
  };
  const counts = {
    'data-flow': byRule('data-flow'),
    'pii-field': byRule('pii-field'),
    'pii-logging': byRule('pii-logging'),
    fixed: fixed.length,
    newDeclared: newDeclared.length,
    existingUndeclared: existingUndeclared.length,
  };
  const manifestErrors = review.manifest.problems.filter((p) => p.severity === 'error');
  const changed = actionable.filter((r) => r.previous).length;
  const d: ReviewDigest = { actionable, newDeclared, existingUndeclared, fixed, counts, changed, manifestErrors, nextSteps: [] };
  d.nextSteps = nextSteps(review, d, options.pointers ?? true);
  return d;
}

/** "2 new undeclared flows · 1 new PII field · 0 new PII log calls · 1 fixed". */
export function countParts(d: ReviewDigest): string[] {
  return [
    ...(['data-flow', 'pii-field', 'pii-logging'] as const).map((rule) => plural(d.counts[rule], ...COUNT_NOUN[rule])),
    ...(d.changed ? [`${d.changed.toLocaleString('en-US')} changed`] : []),
    `${d.counts.fixed.toLocaleString('en-US')} fixed`,
  ];
}

function nextSteps(review: Review, d: ReviewDigest, pointers: boolean): string[] {
  const file = review.manifest.file;
  const steps: string[] = [];
  const see = (where: string) => (pointers ? ` (${where})` : '');
  if (d.manifestErrors.length) {
    steps.push(`Fix the ${plural(d.manifestErrors.length, 'manifest error')} in \`${file}\`${see('listed below')}.`);
  }
  const logging = d.counts['pii-logging'];
  if (logging) {
    steps.push(
      `Remove personal data from ${logging === 1 ? 'this log call' : `these ${logging.toLocaleString('en-US')} log calls`}: log an opaque id or redact the value. ` +
        'A category that logs really need (such as IP addresses in security logs) can be allowed under `logging.allowedCategories`.',
    );
  }
  const declare = (['data-flow', 'pii-field'] as const)
    .filter((rule) => d.counts[rule])
    .map((rule) => plural(d.counts[rule], ...RULE_NOUN[rule]));
  if (declare.length) {
    const what = declare.join(' and ');
    steps.push(
      review.manifest.present
        ? `Declare ${what} in \`${file}\`${see('snippets below')} and ask a privacy reviewer to approve.`
        : `Create the data-flow manifest \`${file}\`, declare ${what} in it${see('snippets below')} and ask a privacy reviewer to approve.`,
    );
  }
  if (review.drift.length) {
    const sinks = [...new Set(review.drift.map((x) => `\`${x.sink}\``))];
    steps.push(
      `Confirm with a privacy reviewer that sending data the system already holds to ${listOf(sinks)} fits the purpose it was collected for${see('purpose drift below')}.`,
    );
  }
  if (review.manifest.changes.length && !declare.length) {
    steps.push(
      `Ask a privacy reviewer to approve the ${plural(review.manifest.changes.length, 'manifest change')}${pointers ? ' below' : ''}.`,
    );
  }
  if (review.excluded.length) {
    steps.push(
      `Ask a privacy reviewer to check what this change keeps from analysis${see('listed below')}: ${plural(review.excluded.length, 'suppression or skipped file', 'suppressions and skipped files')}.`,
    );
  }
  if (review.errors.length) {
    steps.push(
      `Check the ${plural(review.errors.length, 'file')} that could not be analyzed completely${see('listed at the end')}: findings there may be missing.`,
    );
  }
  if (review.stale.length) {
    steps.push(`Optionally remove or update ${plural(review.stale.length, 'stale declaration')} that nothing in the code uses.`);
  }
  if (!steps.length)
    steps.push('Nothing to do: this pull request adds no undeclared personal data, data flows or logging of personal data.');
  return steps;
}

function listOf(items: string[]): string {
  if (items.length <= 3) return items.join(', ');
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

export function mostSevereFirst(a: ReviewedFinding, b: ReviewedFinding): number {
  const x = a.finding;
  const y = b.finding;
  return (
    severityRank(y.severity) - severityRank(x.severity) ||
    RULE_ORDER.indexOf(x.rule) - RULE_ORDER.indexOf(y.rule) ||
    (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) ||
    x.line - y.line ||
    x.column - y.column
  );
}
