import type { Finding, RuleId, Severity } from '../core/contract.js';
import type { DeclarationLocation, ManifestProblem } from '../manifest/types.js';

/** What covers a finding in the manifest. */
export interface Declaration {
  /** `suppression`: accepted in the code by an inline directive or a config ignore, with a reason. */
  kind: 'flow' | 'dataset' | 'logging' | 'exception' | 'suppression';
  /** Flow id, dataset id, `logging`, exception id, or the suppression reason. */
  id: string;
  /** Purposes linking a flow's categories (data-flow findings). */
  purposes?: string[];
  location?: DeclarationLocation;
}

/** A finding judged against the manifest. */
export interface MatchedFinding {
  finding: Finding;
  declared: boolean;
  declaration?: Declaration;
  /** Why it is not declared, for the developer: "flow `segment` is declared but not for user.contact.email". */
  reason?: string;
}

/** A declaration with no evidence in the code. */
export interface StaleDeclaration {
  kind: 'flow' | 'dataset-field';
  id: string;
  location?: DeclarationLocation;
  message: string;
}

/** Existing data reaching a new destination or purpose (GDPR purpose limitation). */
export interface PurposeDrift {
  finding: Finding;
  /** Categories that were already held or sent before this change. */
  existingCategories: string[];
  /** The new destination (sink id). */
  sink: string;
  message: string;
}

export interface MatchResult {
  findings: MatchedFinding[];
  stale: StaleDeclaration[];
}

export type FindingStatus = 'new' | 'fixed' | 'unchanged';

export interface ReviewedFinding extends MatchedFinding {
  status: FindingStatus;
  /** For moved/renamed files: the file on the base side. */
  baseFile?: string;
  /**
   * A `new` finding at the place of a base finding that carried other categories (the same call now
   * also sends the phone number): the base finding, which is then not listed as `fixed`.
   */
  previous?: { id: string; file: string; line: number; categories: string[]; severity: Severity };
}

/** A semantic change of the manifest between base and head. */
export interface ManifestChange {
  change: 'added' | 'removed' | 'widened' | 'narrowed' | 'modified';
  entity: 'system' | 'dataset' | 'dataset-field' | 'flow' | 'purpose' | 'logging' | 'exception';
  id: string;
  /** Categories (or countries, flows, ...) added or removed, when that is what changed. */
  added?: string[];
  removed?: string[];
  /** Other fields whose values changed. */
  fields?: string[];
  summary: string;
}

export type Decision = 'pass' | 'review_required' | 'fail';

export interface Verdict {
  decision: Decision;
  /** Short, developer-facing: "2 undeclared flows (segment, openai)". */
  reasons: string[];
  /**
   * What an approval covers: a hash over the manifest's semantic content and the set of new or
   * undeclared findings (their ids). The same fingerprint on a later commit means an approval holds.
   */
  reviewFingerprint: string;
}

/**
 * What the change keeps from analysis, which its author controls: a reviewer must see it, since
 * the findings it hides are not in this review. `suppressed`: an inline directive the change adds
 * or rewords (the finding it hides is named); `skipped`: a changed file the scan skips (ignored,
 * build output, generated, too large, binary, minified, not downloaded), or an unchanged file whose
 * findings the change hides that way; `unanalyzed`: a changed file the analysis failed on.
 */
export interface Exclusion {
  kind: 'suppressed' | 'skipped' | 'unanalyzed';
  file: string;
  line?: number;
  /** The directive's reason, why the file is skipped, or the analysis error. */
  reason: string;
  finding?: { id: string; rule: RuleId; severity: Severity; message: string };
  /** SHA-256 of the head file's bytes, when it is on disk: an approval covers this content only. */
  content?: string;
}

export interface ReviewSide {
  ref: string;
  sha?: string;
}

export interface Review {
  version: 1;
  base: ReviewSide;
  head: ReviewSide;
  manifest: {
    file: string;
    /** Present on the head side. */
    present: boolean;
    valid: boolean;
    problems: ManifestProblem[];
    changes: ManifestChange[];
  };
  findings: ReviewedFinding[];
  stale: StaleDeclaration[];
  drift: PurposeDrift[];
  /** Files the head scan could not analyze or skipped: the reviewer must know what was not seen. */
  errors: { file: string; message: string; line?: number }[];
  skipped: { file: string; reason: string }[];
  /** What this change newly keeps from analysis; each needs a reviewer (see Exclusion). */
  excluded: Exclusion[];
  verdict: Verdict;
  stats: {
    baseFiles: number;
    headFiles: number;
    durationMs: number;
    scope?: ReviewScope;
    /** Files analyzed by this review, both sides together (the others came from the analysis cache). */
    analyzed?: number;
    /** Importers of changed files not analyzed because what they use of them is the same on both sides (early cutoff). */
    cutOff?: number;
    /** Files answered from the analysis cache, both sides together. */
    fromCache?: number;
  };
  /** How the review was made, for the reviewer: e.g. the pull request changes the scan configuration, which only applies once merged. */
  notes?: string[];
}

/** Which files a review analyzed. */
export interface ReviewScope {
  /**
   * `changed`: the changed files and the files that import them, directly or not (no other file's
   * findings can differ between the sides); `full`: every file on both sides.
   */
  mode: 'changed' | 'full';
  /** Why every file was analyzed although the changed files were known. */
  reason?: string;
  /** Changed paths (both sides, renames counted once per side). */
  changed?: number;
  /** Unchanged files analyzed because they import a changed file. */
  dependents?: number;
  /**
   * Unchanged files that import a changed file and were not analyzed (early cutoff): every changed
   * file they import, directly or not, has the same privacy summary of its exports on both sides.
   */
  cutOff?: number;
  /** Files each side's program loaded for types (analyzed ones, what they import, files declaring globals). */
  loaded?: { base: number; head: number };
}
