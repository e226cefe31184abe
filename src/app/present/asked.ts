import type { Review, ReviewedFinding } from '../../review/types.js';
import { askedId } from '../approval/ledger.js';

/**
 * Findings a reviewer is asked about: what the review fingerprint hashes (new ones and ones still
 * undeclared, unsuppressed, not fixed; see reviewFingerprint in src/review/verdict.ts).
 */
export function askedFindings(review: Review): ReviewedFinding[] {
  return review.findings.filter((r) => r.status !== 'fixed' && !r.finding.suppressed && (r.status === 'new' || !r.declared));
}

export function askedIds(review: Review): string[] {
  return [...new Set(askedFindings(review).map((r) => askedId(r.finding.id)))].sort();
}
