import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Analyzer } from '../../engine/analyzer.js';
import { SEVERITY_ORDER } from '../../core/contract.js';
import { loadManifest } from '../../manifest/load.js';
import { renderReview, TemplateError } from '../../render/index.js';
import type { ReviewTreesOptions } from '../../review/run.js';
import type { Review } from '../../review/types.js';
import { decideVerdict } from '../../review/verdict.js';
import type { AppSettings } from '../config/types.js';
import { COMMENT_MARKER, GITHUB_TEXT_LIMIT } from '../constants.js';
import { SECTION_BUDGET } from '../present/approval-section.js';
import { askedIds } from '../present/asked.js';
import type { Prepared } from '../present/documents.js';
import { starterManifest } from '../present/starter.js';

/**
 * The CPU-bound part of an analysis, after both trees are on disk: review them, apply the
 * repository's threshold, render the checklist. Everything here is plain data in and out, so that
 * it runs on a worker thread (src/app/worker) as well as in-thread (tests with a stubbed review).
 */

export interface Analysis {
  review: Review;
  prepared: Prepared;
  /** Ids of the findings the reviewer is asked about (recorded in the check run). */
  asked: string[];
}

/** The review of two downloaded trees, as plain data (structured clone: it crosses to a worker). */
export interface TreesInput {
  /** reviewTrees' options except the analyzers (functions; the worker imports its own). Passed on whole. */
  options: Omit<ReviewTreesOptions, 'analyzers'>;
  settings: Pick<AppSettings, 'threshold' | 'templates'>;
  /** The repository's name (the starter manifest's title), web URL and head commit (links in the checklist). */
  repoName: string;
  repoUrl: string;
  headSha: string;
  /** Files the download left out (too large), listed under files not analyzed. */
  skipped: Review['skipped'];
}

/** Reviews two trees: `reviewTrees` with the analyzers, or a stub in tests. */
export type ReviewFn = (options: ReviewTreesOptions) => Promise<Review>;

/** Review the trees and prepare what the App publishes. */
export async function reviewAndPrepare(review: ReviewFn, analyzers: readonly Analyzer[], input: TreesInput): Promise<Analysis> {
  return prepareAnalysis(await review({ ...input.options, unavailable: input.skipped, analyzers }), input);
}

/** After the review: the threshold, the starter manifest, the repository's templates, the checklist. */
export async function prepareAnalysis(reviewed: Review, input: TreesInput): Promise<Analysis> {
  const { settings, options } = input;
  let review: Review = { ...reviewed, skipped: [...reviewed.skipped, ...input.skipped] };
  if (settings.threshold !== 'low') review = await applyThreshold(review, settings.threshold, options.headDir);

  const starter = starterManifest(review, input.repoName);
  const templatesDir = settings.templates ? await insideDir(options.baseDir, settings.templates) : undefined;
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
  // Everything else the review decided on stays in: configuration changes, what the change keeps from analysis.
  const verdict = decideVerdict({ findings, manifest: review.manifest, drift, manifestContent: manifest?.manifest, configChanges: review.notes ?? [], excluded: review.excluded });
  const note = `${dropped} finding${dropped === 1 ? ' is' : 's are'} below the repository's severity threshold (${threshold}) and not shown.`;
  return { ...review, findings, drift, verdict, notes: [...(review.notes ?? []), note] };
}

/** A directory inside `root` (after following links), or undefined. */
async function insideDir(root: string, rel: string): Promise<string | undefined> {
  const real = await fs.realpath(path.join(root, rel)).catch(() => undefined);
  const realRoot = await fs.realpath(root);
  if (!real || !(real === realRoot || real.startsWith(realRoot + path.sep))) return undefined;
  return (await fs.stat(real)).isDirectory() ? real : undefined;
}
