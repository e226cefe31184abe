import { order, orderFinding } from '../report/json.js';
import type { Review } from '../review/types.js';

/**
 * Key order of each object of the Review (src/review/types.ts): the output does not depend on the
 * order in which the review engine built an object; keys added later come after these, alphabetically.
 * Array order is the engine's.
 */
const ORDER = {
  review: [
    'version',
    'base',
    'head',
    'manifest',
    'findings',
    'stale',
    'drift',
    'errors',
    'skipped',
    'excluded',
    'verdict',
    'stats',
    'notes',
  ],
  side: ['ref', 'sha'],
  manifest: ['file', 'present', 'valid', 'problems', 'changes'],
  problem: ['file', 'line', 'column', 'severity', 'code', 'message', 'hint'],
  change: ['change', 'entity', 'id', 'added', 'removed', 'fields', 'summary'],
  reviewed: ['finding', 'declared', 'declaration', 'reason', 'status', 'previous', 'baseFile'],
  declaration: ['kind', 'id', 'purposes', 'location'],
  location: ['file', 'line', 'column'],
  stale: ['kind', 'id', 'location', 'message'],
  drift: ['finding', 'existingCategories', 'sink', 'message'],
  error: ['file', 'line', 'message'],
  skipped: ['file', 'reason'],
  excluded: ['kind', 'file', 'line', 'reason', 'finding', 'content'],
  excludedFinding: ['id', 'rule', 'severity', 'message'],
  verdict: ['decision', 'reasons', 'reviewFingerprint'],
  stats: ['baseFiles', 'headFiles', 'durationMs', 'scope'],
  scope: ['mode', 'reason', 'changed', 'dependents', 'cutOff', 'loaded'],
} as const;

const each = (fn: (value: unknown) => unknown) => (list: unknown) => (Array.isArray(list) ? list.map(fn) : list);
const location = (l: unknown) => order(l, ORDER.location);

/** The Review as it is, with a stable key order, 2-space indentation and a final newline. */
export function renderReviewJson(review: Review): string {
  const ordered = order(review, ORDER.review, {
    base: (s) => order(s, ORDER.side),
    head: (s) => order(s, ORDER.side),
    manifest: (m) =>
      order(m, ORDER.manifest, {
        problems: each((p) => order(p, ORDER.problem)),
        changes: each((c) => order(c, ORDER.change)),
      }),
    findings: each((r) =>
      order(r, ORDER.reviewed, {
        finding: orderFinding,
        declaration: (dec) => order(dec, ORDER.declaration, { location }),
      }),
    ),
    stale: each((s) => order(s, ORDER.stale, { location })),
    drift: each((x) => order(x, ORDER.drift, { finding: orderFinding })),
    errors: each((e) => order(e, ORDER.error)),
    skipped: each((s) => order(s, ORDER.skipped)),
    excluded: each((e) => order(e, ORDER.excluded, { finding: (f) => order(f, ORDER.excludedFinding) })),
    verdict: (v) => order(v, ORDER.verdict),
    stats: (s) => order(s, ORDER.stats, { scope: (x) => order(x, ORDER.scope) }),
  });
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
