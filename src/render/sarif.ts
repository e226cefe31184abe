import type * as Sarif from 'sarif';
import type { AnalyzerMeta } from '../core/analyzer.js';
import type { ScanResult } from '../core/contract.js';
import { TOOL_VERSION } from '../engine/version.js';
import { toSarif } from '../report/sarif.js';
import type { Review, ReviewedFinding } from '../review/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { snippetFor } from './snippets.js';

/**
 * The review as SARIF 2.1.0 for code scanning: one result per finding a reviewer is asked about on the
 * head side (new in this PR, or still undeclared), built by the scan report's SARIF writer so rules,
 * fingerprints and code flows are the same as `scan --format sarif`. Each result also says why it is
 * in the review (`properties.review`) and carries the manifest entry that would declare it.
 */
export function renderReviewSarif(review: Review, options: { rules?: readonly AnalyzerMeta[]; taxonomy?: Taxonomy } = {}): string {
  return `${JSON.stringify(reviewSarif(review, options), null, 2)}\n`;
}

export function reviewSarif(review: Review, options: { rules?: readonly AnalyzerMeta[]; taxonomy?: Taxonomy } = {}): Sarif.Log {
  const asked = review.findings.filter(inReview);
  const findings = asked.map((r) => r.finding);
  const scan: ScanResult = {
    version: 1,
    tool: { name: 'privacy-review', version: TOOL_VERSION },
    root: '/',
    findings,
    skipped: review.skipped,
    errors: review.errors,
    stats: {
      files: review.stats.headFiles,
      lines: 0,
      durationMs: review.stats.durationMs,
      findings: findings.length,
      suppressed: 0,
      byRule: {
        'pii-field': findings.filter((f) => f.rule === 'pii-field').length,
        'pii-logging': findings.filter((f) => f.rule === 'pii-logging').length,
        'data-flow': findings.filter((f) => f.rule === 'data-flow').length,
      },
    },
  };
  const log = toSarif(scan, { rules: options.rules ?? [] });
  const run = log.runs[0]!;
  // The review has no scan root: %SRCROOT% stays unresolved, which code scanning maps to the checkout.
  delete run.originalUriBaseIds;
  run.properties = {
    review: {
      decision: review.verdict.decision,
      reviewFingerprint: review.verdict.reviewFingerprint,
      base: review.base,
      head: review.head,
      manifest: review.manifest.file,
    },
    stats: review.stats,
  };
  run.results?.forEach((result, i) => {
    const r = asked[i]!;
    const snippet = r.declared ? undefined : snippetFor(r.finding, options.taxonomy);
    if (!r.declared && r.reason) result.message = { text: `${r.finding.message} Not declared: ${r.reason}.`.replace(/\.\.$/, '.') };
    result.properties = {
      ...result.properties,
      review: {
        status: r.status,
        declared: r.declared,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.declaration ? { declaration: r.declaration } : {}),
        ...(r.baseFile ? { baseFile: r.baseFile } : {}),
        ...(snippet ? { manifestSection: snippet.section, manifestSnippet: snippet.yaml } : {}),
      },
    };
  });
  return log;
}

/** What the review fingerprint covers: head findings that are new or still undeclared, not suppressed. */
function inReview(r: ReviewedFinding): boolean {
  return r.status !== 'fixed' && !r.finding.suppressed && (r.status === 'new' || !r.declared);
}
