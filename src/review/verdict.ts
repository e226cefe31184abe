import { createHash } from 'node:crypto';
import type { Manifest } from '../manifest/types.js';
import type { Exclusion, PurposeDrift, Review, ReviewedFinding, Verdict } from './types.js';

export interface VerdictInput {
  findings: readonly ReviewedFinding[];
  manifest: Review['manifest'];
  drift: readonly PurposeDrift[];
  /** The head manifest's content, for the review fingerprint (undefined when there is none). */
  manifestContent: Manifest | undefined;
  /** Changes to the scan configuration (`.privacy-review.yml`): rule changes need a reviewer too. */
  configChanges?: readonly string[];
  /** What the change newly keeps from analysis: each needs a reviewer, and the fingerprint covers it. */
  excluded?: readonly Exclusion[];
}

const RULE_NOUN = {
  'pii-field': ['undeclared personal-data field', 'undeclared personal-data fields'],
  'data-flow': ['undeclared data flow', 'undeclared data flows'],
  'pii-logging': ['log call with personal data', 'log calls with personal data'],
} as const;

/**
 * `fail` when the manifest is invalid or the PR adds high-severity PII logging; `review_required`
 * when it adds undeclared fields, flows or logging, changes declarations, sends existing data to a
 * new destination, or keeps code from analysis (a suppression, a skipped file); `pass` otherwise. The review fingerprint names exactly what an approval covers.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const fail: string[] = [];
  const review: string[] = [];
  const errors = input.manifest.problems.filter((p) => p.severity === 'error');
  if (input.manifest.present && errors.length) {
    fail.push(`the data-flow manifest has ${plural(errors.length, 'error')} (${errors[0].file}:${errors[0].line})`);
  }
  const newUndeclared = input.findings.filter((r) => r.status === 'new' && !r.declared);
  const leaks = newUndeclared.filter((r) => r.finding.rule === 'pii-logging' && r.finding.severity === 'high');
  if (leaks.length) fail.push(`${plural(leaks.length, 'new high-severity log call')} with personal data (${describe(leaks)})`);
  for (const rule of ['data-flow', 'pii-field', 'pii-logging'] as const) {
    const items = newUndeclared.filter((r) => r.finding.rule === rule && !leaks.includes(r));
    // Flows count destinations, not call sites: two calls to one new vendor are one undeclared flow.
    const count = rule === 'data-flow' ? new Set(items.map((r) => r.finding.sink?.id ?? r.finding.symbol)).size : items.length;
    if (items.length) review.push(`${plural(count, RULE_NOUN[rule][0], RULE_NOUN[rule][1])} (${describe(items)})`);
  }
  const todos = input.manifest.problems.filter((p) => p.code === 'todo');
  if (input.manifest.present && todos.length)
    review.push(`the manifest still has ${plural(todos.length, 'TODO placeholder')} (${todos[0].file}:${todos[0].line})`);
  if (input.manifest.changes.length) review.push(`${plural(input.manifest.changes.length, 'declaration change')} in the manifest`);
  if (input.configChanges?.length) review.push(`the scan configuration changes (${plural(input.configChanges.length, 'file')})`);
  if (input.excluded?.length) review.push(excludedReason(input.excluded));
  if (input.drift.length)
    review.push(`${plural(input.drift.length, 'existing data category', 'existing data categories')} sent to a new destination`);
  const decision = fail.length ? 'fail' : review.length ? 'review_required' : 'pass';
  return {
    decision,
    reasons: fail.length || review.length ? [...fail, ...review] : ['no new personal data, flows or declaration changes'],
    reviewFingerprint: reviewFingerprint(input),
  };
}

/**
 * Hash of the manifest's meaning (order of entries and of lists does not matter) and of the ids of
 * every finding a reviewer is asked about: new ones and ones still undeclared. A later push with the
 * same fingerprint asks nothing new, so an approval given for it still holds.
 */
export function reviewFingerprint(input: Pick<VerdictInput, 'findings' | 'manifestContent' | 'configChanges' | 'excluded'>): string {
  const asked = input.findings
    .filter((r) => r.status !== 'fixed' && !r.finding.suppressed && (r.status === 'new' || !r.declared))
    .map((r) => r.finding.id)
    .sort();
  const payload = JSON.stringify({
    manifest: canonical(input.manifestContent ?? null),
    findings: [...new Set(asked)],
    ...(input.configChanges?.length ? { config: [...input.configChanges].sort() } : {}),
    // Lines left out (moving code changes nothing); the content of a file not analyzed is in.
    ...(input.excluded?.length
      ? {
          excluded: input.excluded
            .map((e) => [e.kind, e.file, e.reason, e.finding?.id ?? '', e.content ?? ''])
            .map((x) => x.join('\u0000'))
            .sort(),
        }
      : {}),
  });
  return createHash('sha256').update(payload).digest('hex');
}

/** Sorted keys, lists sorted when their order carries no meaning (every list in a manifest). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

function excludedReason(excluded: readonly Exclusion[]): string {
  const suppressed = excluded.filter((e) => e.kind === 'suppressed').length;
  const files = new Set(excluded.filter((e) => e.kind !== 'suppressed').map((e) => e.file)).size;
  const parts = [...(suppressed ? [plural(suppressed, 'new suppression')] : []), ...(files ? [plural(files, 'file')] : [])];
  return `the change keeps code from analysis: ${parts.join(' and ')} (${[...new Set(excluded.map((e) => e.file))].slice(0, 3).join(', ')}${new Set(excluded.map((e) => e.file)).size > 3 ? ' and more' : ''})`;
}

function describe(items: readonly ReviewedFinding[]): string {
  const names = [
    ...new Set(items.map((r) => (r.finding.rule === 'pii-field' ? r.finding.symbol : (r.finding.sink?.id ?? r.finding.symbol)))),
  ];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
