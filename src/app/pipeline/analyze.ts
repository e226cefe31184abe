import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../../engine/analyzer.js';
import { parseConfig } from '../../config/load.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../../config/types.js';
import { loadManifest } from '../../manifest/load.js';
import { renderReview, TemplateError } from '../../render/index.js';
import type { reviewTrees } from '../../review/run.js';
import type { Review } from '../../review/types.js';
import { decideVerdict } from '../../review/verdict.js';
import { SEVERITY_ORDER } from '../../engine/types.js';
import type { AppConfig } from '../config/types.js';
import { APP_CONFIG_PATH, COMMENT_MARKER, GITHUB_TEXT_LIMIT } from '../constants.js';
import type { Comparison } from '../github/compare.js';
import type { ExtractLimits } from '../github/extract.js';
import { downloadTree } from '../github/tarball.js';
import type { Octokit, RepoRef } from '../github/types.js';
import { SECTION_BUDGET } from '../present/approval-section.js';
import { askedIds } from '../present/asked.js';
import type { Prepared } from '../present/documents.js';
import { starterManifest } from '../present/starter.js';

export interface Analysis {
  review: Review;
  prepared: Prepared;
  /** Ids of the findings the reviewer is asked about (recorded in the check run). */
  asked: string[];
}

export interface AnalyzeInput {
  repo: RepoRef;
  repoUrl: string;
  baseRef: string;
  headRef: string;
  headSha: string;
  comparison: Comparison;
  config: AppConfig;
}

export interface AnalyzeDeps {
  review: typeof reviewTrees;
  analyzers: readonly Analyzer[];
  limits: ExtractLimits;
  tmpDir?: string;
}

/** The CLI's configuration at the root of the base side, when the App's file has no scan keys. */
const ROOT_CONFIG_NAMES = ['.privacy-review.yml', '.privacy-review.yaml'];

/**
 * Download the merge base and the head as tarballs, review them, and render the checklist: all
 * that does not depend on approvals, so that an approval event reuses it. The trees live in a
 * temporary directory that is removed afterwards, whatever happens.
 */
export async function analyze(octokit: Octokit, deps: AnalyzeDeps, input: AnalyzeInput, signal: AbortSignal): Promise<Analysis> {
  const tmp = await fs.mkdtemp(path.join(deps.tmpDir ?? os.tmpdir(), 'privacy-review-app-'));
  try {
    const baseDir = path.join(tmp, 'base');
    const headDir = path.join(tmp, 'head');
    await Promise.all([fs.mkdir(baseDir), fs.mkdir(headDir)]);
    const [, headTree] = await Promise.all([
      downloadTree(octokit, input.repo, input.comparison.mergeBase, baseDir, deps.limits, signal),
      downloadTree(octokit, input.repo, input.headSha, headDir, deps.limits, signal),
    ]);
    signal.throwIfAborted();

    const settings = input.config.settings;
    const notes: string[] = [];
    const scanConfig = input.config.scan ?? (await rootScanConfig(baseDir)) ?? DEFAULT_CONFIG;
    if (input.comparison.changed.includes(APP_CONFIG_PATH)) {
      notes.push(`This pull request changes ${APP_CONFIG_PATH}; the review used the default branch's version (the change applies once merged).`);
    }
    if (!input.comparison.complete) notes.push('GitHub listed only part of the changed files, so renamed files may show as new findings.');
    const skippedDownload = [...headTree.skipped];
    if (skippedDownload.length) notes.push(`${skippedDownload.length} file${skippedDownload.length === 1 ? ' was' : 's were'} not downloaded (listed under files not analyzed).`);

    let review = await abortable(
      deps.review({
        baseDir,
        headDir,
        renames: input.comparison.renames,
        analyzers: deps.analyzers,
        config: scanConfig,
        manifestPath: settings.manifest,
        base: { ref: input.baseRef, sha: input.comparison.mergeBase },
        head: { ref: input.headRef, sha: input.headSha },
        notes,
      }),
      signal,
    );
    review = { ...review, skipped: [...review.skipped, ...skippedDownload] };
    if (settings.threshold !== 'low') review = await applyThreshold(review, settings.threshold, headDir);

    const starter = starterManifest(review, input.repo.repo);
    const templatesDir = settings.templates ? await insideDir(baseDir, settings.templates) : undefined;
    if (settings.templates && !templatesDir) {
      review = { ...review, notes: [...(review.notes ?? []), `The templates directory ${settings.templates} was not found on the base side; the built-in templates were used.`] };
    }
    const maxLength = GITHUB_TEXT_LIMIT - SECTION_BUDGET - COMMENT_MARKER.length - (starter?.length ?? 0) - 200;
    const render = (r: Review, dir?: string) =>
      renderReview(r, { format: 'markdown', maxLength, links: { repoUrl: input.repoUrl, headSha: input.headSha }, ...(dir ? { templatesDir: dir } : {}) });
    let checklist: string;
    try {
      checklist = render(review, templatesDir);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      review = { ...review, notes: [...(review.notes ?? []), `The repository's templates could not be used (${e.message.split('\n')[0]}); the built-in templates were used.`] };
      checklist = render(review);
    }
    return { review, prepared: { checklist, ...(starter ? { starter } : {}) }, asked: askedIds(review) };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * `threshold: medium` leaves low-severity findings out of the review: out of the verdict and the
 * fingerprint too, so that an approval does not lapse because of one.
 */
async function applyThreshold(review: Review, threshold: Review['findings'][number]['finding']['severity'], headDir: string): Promise<Review> {
  const min = SEVERITY_ORDER.indexOf(threshold);
  const keep = (s: typeof threshold) => SEVERITY_ORDER.indexOf(s) >= min;
  const findings = review.findings.filter((r) => keep(r.finding.severity));
  const dropped = review.findings.length - findings.length;
  if (!dropped) return review;
  const drift = review.drift.filter((d) => keep(d.finding.severity));
  const manifest = await loadManifest(headDir, review.manifest.file).catch(() => undefined);
  const verdict = decideVerdict({ findings, manifest: review.manifest, drift, manifestContent: manifest?.manifest });
  const note = `${dropped} finding${dropped === 1 ? ' is' : 's are'} below the repository's severity threshold (${threshold}) and not shown.`;
  return { ...review, findings, drift, verdict, notes: [...(review.notes ?? []), note] };
}

async function rootScanConfig(baseDir: string): Promise<ScanConfig | undefined> {
  for (const name of ROOT_CONFIG_NAMES) {
    const text = await fs.readFile(path.join(baseDir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) return parseConfig(text, name);
  }
  return undefined;
}

/** A directory inside `root` (after following links), or undefined. */
async function insideDir(root: string, rel: string): Promise<string | undefined> {
  const real = await fs.realpath(path.join(root, rel)).catch(() => undefined);
  const realRoot = await fs.realpath(root);
  if (!real || !(real === realRoot || real.startsWith(realRoot + path.sep))) return undefined;
  return (await fs.stat(real)).isDirectory() ? real : undefined;
}

/** Stop waiting when the job is aborted (the review itself cannot be interrupted; it finishes in the background). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** What an analysis depends on besides the two commits: the parts of the configuration it reads. */
export function analysisKey(repoId: number, mergeBase: string, headSha: string, config: AppConfig): string {
  const s = config.settings;
  const relevant = JSON.stringify({ scan: config.scan ?? null, manifest: s.manifest, threshold: s.threshold, templates: s.templates ?? null });
  return `${repoId}:${mergeBase}:${headSha}:${createHash('sha256').update(relevant).digest('hex').slice(0, 16)}`;
}

/** A small LRU of analyses: approval events on the same commit do not download and scan again. */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  constructor(private readonly max = 50) {}

  get(key: string): Analysis | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Analysis): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
