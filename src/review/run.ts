import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../engine/analyzer.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../config/types.js';
import { CONFIG_FILE_NAMES, loadConfig, parseConfig } from '../config/load.js';
import { ConfigError } from '../config/errors.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { DEFAULT_MANIFEST_PATH, loadManifest } from '../manifest/load.js';
import type { LoadedManifest } from '../manifest/types.js';
import { matchFindings } from './match.js';
import { detectPurposeDrift } from './drift.js';
import { decideVerdict } from './verdict.js';
import { diffFindings } from './diff-findings.js';
import { diffManifest } from './diff-manifest.js';
import { baseSideConfig, configChangeNote } from './base-config.js';
import { findMergeBase, findRepository, isCheckedOutClean, listChanges, materialize, readBlob, resolveCommit } from './git.js';
import { isScopeFile, needsWholeBase, scanSides, MIN_DEPENDENTS_FOR_CUTOFF } from './scan-sides.js';
import { findExclusions } from './exclusions.js';
import { unanalyzedFiles } from './unanalyzed-files.js';
import type { PurposeDrift, Review, ReviewedFinding, ReviewSide } from './types.js';
import { SEVERITY_ORDER, type Severity } from '../core/contract.js';
import { UNREADABLE_CODES } from '../manifest/problems.js';
import type { AnalysisCache } from '../engine/cache/store.js';

export interface ReviewTreesOptions {
  /** The base side, already on disk (the merge base's tree): scan root of that side. */
  baseDir: string;
  /** The head side, already on disk. */
  headDir: string;
  /** Files renamed from base to head, relative to the scan roots: a renamed file's findings stay `unchanged`. */
  renames?: ReadonlyMap<string, string>;
  analyzers: readonly Analyzer[];
  /** Scan configuration; default: the base side's `.privacy-review.yml` (a pull request cannot change its own rules). */
  config?: ScanConfig;
  /** Manifest path relative to each side's root (default `.privacy/manifest.yml`). */
  manifestPath?: string;
  base?: ReviewSide;
  head?: ReviewSide;
  /** `YYYY-MM-DD` for exception expiry (default: today, UTC). */
  today?: string;
  /** Notes to pass on to the reviewer (how the review was made). */
  notes?: readonly string[];
  /**
   * Paths that differ between the sides, relative to the roots (both names of a renamed file). Given,
   * only the changed files and the files that import them are analyzed; the findings of those are
   * exactly a full review's, and no other file's findings can differ. Omitted: every file is scanned.
   */
  changed?: readonly string[];
  /** Analyze every file on both sides even though `changed` is known (which still tells what the change excludes). */
  full?: boolean;
  /** Early cutoff's threshold (scan-sides.ts `cutoff`), or false for none: tests and benchmarks. */
  cutoff?: false | { minDependents: number };
  /** The analysis cache both sides' scans use (engine/cache): reviews against the same base share its entries. */
  cache?: AnalysisCache;
  /** Head files that are not on disk (the download left them out), with why: reviewed as skipped. */
  unavailable?: readonly { file: string; reason: string }[];
  /**
   * Findings below this severity are left out of the review: out of the verdict and the fingerprint
   * too, so that an approval does not lapse because of one (the App's `threshold`). Default: none left out.
   */
  minSeverity?: Severity;
}

/**
 * Review a change given both sides as directories: scan both, judge head findings against the head
 * manifest, classify them new/fixed/unchanged, diff the manifests, find purpose drift and decide.
 * No git and no rendering: the GitHub App calls this with trees it downloaded itself.
 */
export async function reviewTrees(options: ReviewTreesOptions): Promise<Review> {
  const started = performance.now();
  const notes = [...(options.notes ?? [])];
  let config = options.config;
  if (!config) {
    const fromBase = await baseSideConfig(options.baseDir, options.headDir);
    config = fromBase.config;
    notes.push(...fromBase.notes);
  }
  const sides = await scanSides({
    baseDir: options.baseDir,
    headDir: options.headDir,
    config,
    analyzers: options.analyzers,
    ...(options.changed && !options.full ? { changed: options.changed } : {}),
    ...(options.cutoff !== undefined ? { cutoff: options.cutoff } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const { base: baseScan, head: headScan, scope, baseInventory } = sides;
  const partial = scope.mode === 'changed';

  const taxonomy = config.classifier.categories?.length ? Taxonomy.default().withCustom(config.classifier.categories) : Taxonomy.default();
  const matchOptions = { taxonomy, ...(options.today ? { today: options.today } : {}) };
  const manifestPath = options.manifestPath ?? DEFAULT_MANIFEST_PATH;
  const [baseManifest, headManifest] = await Promise.all([
    sideManifest(options.baseDir, manifestPath, matchOptions),
    sideManifest(options.headDir, manifestPath, matchOptions),
  ]);
  // The head manifest decides; the base one only tells what fixed findings were declared as.
  const head = matchFindings(headScan.findings, headManifest, matchOptions);
  const base = matchFindings(baseScan.findings, baseManifest, matchOptions);
  const findings = diffFindings({ base: base.findings, head: head.findings, ...(options.renames ? { renames: options.renames } : {}) });
  // Only some files analyzed: the base manifest tells what the rest of the system held and sent.
  const drift = detectPurposeDrift(
    findings,
    [...baseScan.findings, ...baseInventory],
    partial && !unreadable(baseManifest) ? baseManifest?.manifest : undefined,
  );
  const problems = headManifest?.problems ?? [];
  const manifest: Review['manifest'] = {
    file: manifestPath,
    present: headManifest !== undefined,
    // an absent manifest is not an invalid one: `present` says it is missing
    valid: !problems.some((p) => p.severity === 'error'),
    problems,
    // A head file that could not be read fails as a problem, not as every entry removed; a base file
    // that could not be read counts as none, so everything head declares is up for review.
    changes: unreadable(headManifest)
      ? []
      : diffManifest(unreadable(baseManifest) ? undefined : baseManifest?.manifest, headManifest?.manifest),
  };
  const unanalyzed = await unanalyzedFiles({
    baseDir: options.baseDir,
    headDir: options.headDir,
    skipped: [...headScan.skipped, ...(options.unavailable ?? [])],
    errors: headScan.errors,
    ...(options.changed ? { changed: new Set(options.changed) } : {}),
    fixedFiles: new Set(findings.filter((r) => r.status === 'fixed').map((r) => r.finding.file)),
  });
  const excluded = findExclusions({ findings, baseFindings: baseScan.findings, unanalyzed });
  const shown = aboveThreshold(findings, drift, options.minSeverity);
  const verdict = decideVerdict({
    findings: shown.findings,
    manifest,
    drift: shown.drift,
    manifestContent: headManifest?.manifest,
    configChanges: [...notes],
    excluded,
  });
  if (shown.note) notes.push(shown.note);
  return {
    version: 1,
    base: options.base ?? { ref: 'base' },
    head: options.head ?? { ref: 'head' },
    manifest,
    findings: shown.findings,
    // A declaration is stale when no file uses it, which only a review of every file can tell.
    stale: partial ? [] : head.stale,
    drift: shown.drift,
    errors: headScan.errors.map((e) => ({ file: e.file, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) })),
    skipped: headScan.skipped,
    excluded,
    verdict,
    stats: {
      baseFiles: baseScan.stats.files,
      headFiles: headScan.stats.files,
      durationMs: Math.round(performance.now() - started),
      scope,
      analyzed: (baseScan.stats.analyzed ?? baseScan.stats.files) + (headScan.stats.analyzed ?? headScan.stats.files),
      cutOff: scope.mode === 'changed' ? (scope.cutOff ?? 0) : 0,
      fromCache: (baseScan.stats.fromCache ?? 0) + (headScan.stats.fromCache ?? 0),
    },
    ...(notes.length ? { notes } : {}),
  };
}

/** A side's manifest; undefined when that side has no file there (`present: false` on head). */
async function sideManifest(
  root: string,
  relPath: string,
  options: { taxonomy: Taxonomy; today?: string },
): Promise<LoadedManifest | undefined> {
  const exists = await fs.lstat(path.resolve(root, relPath)).then(
    () => true,
    () => false,
  );
  return exists ? loadManifest(root, relPath, options) : undefined;
}

/** The findings and drift at or above `min`, and a note saying how many findings were left out. */
function aboveThreshold(
  findings: ReviewedFinding[],
  drift: PurposeDrift[],
  min: Severity | undefined,
): { findings: ReviewedFinding[]; drift: PurposeDrift[]; note?: string } {
  if (!min || min === 'low') return { findings, drift };
  const keep = (s: Severity) => SEVERITY_ORDER.indexOf(s) >= SEVERITY_ORDER.indexOf(min);
  const kept = findings.filter((r) => keep(r.finding.severity));
  const dropped = findings.length - kept.length;
  if (!dropped) return { findings, drift };
  const note = `${dropped} finding${dropped === 1 ? ' is' : 's are'} below the repository's severity threshold (${min}) and not shown.`;
  return { findings: kept, drift: drift.filter((d) => keep(d.finding.severity)), note };
}

function unreadable(loaded: LoadedManifest | undefined): boolean {
  return loaded?.problems.some((p) => p.severity === 'error' && UNREADABLE_CODES.has(p.code)) ?? false;
}

export interface RunReviewOptions {
  /** The reviewed directory: a git work tree or a directory inside one (e.g. a package of a monorepo). */
  dir: string;
  /** The branch or commit the pull request targets; the review compares against its merge base with head. */
  base: string;
  /** The commit to review; undefined reviews the work tree as it is (HEAD plus uncommitted changes). */
  head?: string;
  analyzers: readonly Analyzer[];
  /** An explicit configuration file (absolute, or relative to the process's directory). Inside the repository it is read from the base side. */
  configFile?: string;
  /** Manifest path relative to `dir` (default `.privacy/manifest.yml`), read on each side. */
  manifestPath?: string;
  today?: string;
  /** Analyze every file on both sides, not only the changed files and the files that import them. */
  full?: boolean;
  /** Early cutoff: importers of changed files whose privacy summaries are the same on both sides are not analyzed. */
  earlyCutoff?: boolean;
  /** The analysis cache (engine/cache), used on both sides. */
  cache?: AnalysisCache;
}

/**
 * Review the change from the merge base of `base` and `head` to `head` in a git repository. Both
 * sides are checked out into a temporary directory (removed afterwards); the user's work tree,
 * index and refs are not touched.
 */
export async function runReview(options: RunReviewOptions): Promise<Review> {
  const started = performance.now();
  const dir = path.resolve(options.dir);
  const { root, subdir } = await findRepository(dir);
  const headRef = options.head ?? 'HEAD';
  const baseSha = await resolveCommit(root, options.base, 'base');
  const headSha = await resolveCommit(root, headRef, 'head');
  const mergeBase = await findMergeBase(root, { ref: options.base, sha: baseSha }, { ref: headRef, sha: headSha });
  const { renames, changed } = await listChanges(root, mergeBase, options.head ? headSha : undefined, subdir);

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'privacy-review-'));
  try {
    const baseDir = path.join(tmp, 'base');
    // Reviewing the changed files, base's other files are head's: only what differs is written out.
    const incremental = !options.full && !needsWholeBase(changed);
    const manifestPath = options.manifestPath ?? DEFAULT_MANIFEST_PATH;
    const needed = new Set([...changed, ...CONFIG_FILE_NAMES, manifestPath]);
    const baseFiles = incremental ? (f: string) => needed.has(f) || isScopeFile(f) : undefined;
    await materialize(root, mergeBase, subdir, baseDir, path.join(tmp, 'base.index'), baseFiles);
    let headDir = dir;
    if (options.head && !(await isCheckedOutClean(root, headSha, subdir))) {
      headDir = path.join(tmp, 'head');
      await materialize(root, headSha, subdir, headDir, path.join(tmp, 'head.index'));
    }
    const explicit = options.configFile
      ? await explicitConfig(root, mergeBase, options.head ? headSha : undefined, path.resolve(options.configFile))
      : undefined;
    const review = await reviewTrees({
      baseDir,
      headDir,
      renames,
      changed,
      ...(options.full ? { full: true } : {}),
      ...(options.earlyCutoff ? { cutoff: { minDependents: MIN_DEPENDENTS_FOR_CUTOFF } } : {}),
      analyzers: options.analyzers,
      ...(explicit ? { config: explicit.config, notes: explicit.notes } : {}),
      ...(options.manifestPath ? { manifestPath: options.manifestPath } : {}),
      base: { ref: options.base, sha: mergeBase },
      head: { ref: options.head ?? 'work tree', sha: headSha },
      ...(options.today ? { today: options.today } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    return { ...review, stats: { ...review.stats, durationMs: Math.round(performance.now() - started) } };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * `--config FILE`: inside the repository it is read from the base commit like the default file (a
 * pull request that adds it gets the defaults until merged); outside, it is the caller's own file.
 */
async function explicitConfig(
  root: string,
  baseSha: string,
  headSha: string | undefined,
  file: string,
): Promise<{ config: ScanConfig; notes: string[] }> {
  const real = await fs.realpath(file).catch(() => file);
  const rel = path.relative(root, real).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return { config: (await loadConfig(root, { configFile: file })).config, notes: [] };
  }
  const [before, after] = await Promise.all([
    readBlob(root, baseSha, rel),
    headSha ? readBlob(root, headSha, rel) : fs.readFile(real, 'utf8').catch(() => undefined),
  ]);
  if (before === undefined && after === undefined) {
    throw new ConfigError([
      {
        file: rel,
        line: 1,
        column: 1,
        message: 'configuration file not found on either side of the review',
        hint: 'check the --config path',
      },
    ]);
  }
  const note = configChangeNote(rel, before, after);
  return { config: before === undefined ? DEFAULT_CONFIG : parseConfig(before, rel), notes: note ? [note] : [] };
}
