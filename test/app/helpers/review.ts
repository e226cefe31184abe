import type { Finding } from '../../../src/core/contract.js';
import type { Review, ReviewedFinding } from '../../../src/review/types.js';
import { decideVerdict } from '../../../src/review/verdict.js';

/** A finding of the head side; `id` is what the fingerprint hashes. */
export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  return {
    id: id.padEnd(32, '0'),
    rule: 'data-flow',
    severity: 'medium',
    file: 'src/services/signup.ts',
    line: 5,
    column: 3,
    endLine: 5,
    endColumn: 40,
    message: 'Sends email address (user.contact.email) to Segment (`segment`) via segment identify.',
    categories: ['user.contact.email'],
    symbol: 'onSignup',
    sink: { kind: 'third_party', id: 'segment', package: '@segment/analytics-node', label: 'Segment', service: 'analytics' },
    trace: [{ file: 'src/services/signup.ts', line: 5, note: 'user.email' }],
    suppressed: false,
    confidence: 'high',
    remediation: 'Declare flow `segment` in the manifest.',
    ...extra,
  };
}

export function reviewed(f: Finding, status: ReviewedFinding['status'] = 'new', declared = false): ReviewedFinding {
  return { finding: f, status, declared };
}

/** A review as reviewTrees returns it, verdict and fingerprint computed by the real decideVerdict. */
export function makeReview(findings: ReviewedFinding[], extra: Partial<Review> = {}): Review {
  const manifest: Review['manifest'] = {
    file: '.privacy/manifest.yml',
    present: true,
    valid: true,
    problems: [],
    changes: [],
    ...extra.manifest,
  };
  const verdict = decideVerdict({ findings, manifest, drift: extra.drift ?? [], manifestContent: undefined });
  return {
    version: 1,
    base: { ref: 'main', sha: 'c'.repeat(40) },
    head: { ref: 'feature', sha: 'a'.repeat(40) },
    manifest,
    findings,
    stale: [],
    drift: [],
    errors: [],
    skipped: [],
    excluded: [],
    stats: { baseFiles: 3, headFiles: 3, durationMs: 5 },
    ...extra,
    verdict,
  };
}
