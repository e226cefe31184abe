import type * as Sarif from 'sarif';
import type { AnalyzerMeta } from '../core/analyzer.js';
import { TOOL_VERSION } from '../engine/version.js';
import { sarifLog } from '../report/sarif.js';
import type { Review, ReviewedFinding } from '../review/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { snippetFor } from './snippets.js';

/**
 * The review as SARIF 2.1.0 for code scanning: one result per finding a reviewer is asked about on the
 * head side (new in this PR, or still undeclared), written by the scan's SARIF writer (`sarifLog`), so
 * rules, severities, fingerprints and code flows are the same as `scan --format sarif`. Each result
 * also says why it is in the review (`properties.review`) and carries the manifest entry that would
 * declare it.
 */
export function renderReviewSarif(review: Review, options: { rules?: readonly AnalyzerMeta[]; taxonomy?: Taxonomy } = {}): string {
  return `${JSON.stringify(reviewSarif(review, options), null, 2)}\n`;
}

export function reviewSarif(review: Review, options: { rules?: readonly AnalyzerMeta[]; taxonomy?: Taxonomy } = {}): Sarif.Log {
  const asked = review.findings.filter(inReview);
  return sarifLog({
    tool: { name: 'privacy-review', version: TOOL_VERSION },
    findings: asked.map((r) => r.finding),
    errors: review.errors,
    skipped: review.skipped,
    rules: options.rules ?? [],
    properties: {
      review: {
        decision: review.verdict.decision,
        reviewFingerprint: review.verdict.reviewFingerprint,
        base: review.base,
        head: review.head,
        manifest: review.manifest.file,
      },
      stats: review.stats,
    },
    annotate: (_, i) => {
      const r = asked[i];
      const snippet = r.declared ? undefined : snippetFor(r.finding, options.taxonomy);
      return {
        ...(!r.declared && r.reason ? { message: `${r.finding.message} Not declared: ${r.reason}.`.replace(/\.\.$/, '.') } : {}),
        properties: {
          review: {
            status: r.status,
            declared: r.declared,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.declaration ? { declaration: r.declaration } : {}),
            ...(r.baseFile ? { baseFile: r.baseFile } : {}),
            ...(snippet ? { manifestSection: snippet.section, manifestSnippet: snippet.yaml } : {}),
          },
        },
      };
    },
  });
}

/** What the review fingerprint covers: head findings that are new or still undeclared, not suppressed. */
function inReview(r: ReviewedFinding): boolean {
  return r.status !== 'fixed' && !r.finding.suppressed && (r.status === 'new' || !r.declared);
}
