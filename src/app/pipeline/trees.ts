import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Analyzer } from '../../engine/analyzer.js';
import { renderReview, TemplateError } from '../../render/index.js';
import type { ReviewTreesOptions } from '../../review/run.js';
import type { Review } from '../../review/types.js';
import type { AppSettings } from '../config/types.js';
import type { Analysis } from '../decide/facts.js';
import { COMMENT_MARKER, GITHUB_TEXT_LIMIT } from '../constants.js';
import { SECTION_BUDGET } from '../present/approval-section.js';
import { askedIds } from '../present/asked.js';
import { starterManifest } from '../present/starter.js';

/**
 * The CPU-bound part of an analysis, after both trees are on disk: review them (the review applies
 * the repository's threshold), render the checklist. Everything here is plain data in and out, so that
 * it runs on a worker thread (src/app/worker) as well as in-thread (tests with a stubbed review).
 */

export type { Analysis } from '../decide/facts.js';

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

/**
 * Review the trees and prepare what the App publishes. The review leaves out the findings below the
 * repository's threshold itself, so that its verdict is the only one.
 */
export async function reviewAndPrepare(review: ReviewFn, analyzers: readonly Analyzer[], input: TreesInput): Promise<Analysis> {
  const threshold = input.settings.threshold;
  return prepareAnalysis(
    await review({ ...input.options, unavailable: input.skipped, analyzers, ...(threshold !== 'low' ? { minSeverity: threshold } : {}) }),
    input,
  );
}

/** After the review: the starter manifest, the repository's templates, the checklist. */
export async function prepareAnalysis(reviewed: Review, input: TreesInput): Promise<Analysis> {
  const { settings, options } = input;
  let review: Review = { ...reviewed, skipped: [...reviewed.skipped, ...input.skipped] };

  const starter = starterManifest(review, input.repoName);
  const templatesDir = settings.templates ? await insideDir(options.baseDir, settings.templates) : undefined;
  if (settings.templates && !templatesDir) {
    review = {
      ...review,
      notes: [
        ...(review.notes ?? []),
        `The templates directory ${settings.templates} was not found on the base side; the built-in templates were used.`,
      ],
    };
  }
  const maxLength = GITHUB_TEXT_LIMIT - SECTION_BUDGET - COMMENT_MARKER.length - (starter?.length ?? 0) - 200;
  const render = (r: Review, dir?: string) =>
    renderReview(r, {
      format: 'markdown',
      maxLength,
      links: { repoUrl: input.repoUrl, headSha: input.headSha },
      ...(dir ? { templatesDir: dir } : {}),
    });
  let checklist: string;
  try {
    checklist = render(review, templatesDir);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    review = {
      ...review,
      notes: [
        ...(review.notes ?? []),
        `The repository's templates could not be used (${e.message.split('\n')[0]}); the built-in templates were used.`,
      ],
    };
    checklist = render(review);
  }
  return { review, prepared: { checklist, ...(starter ? { starter } : {}) }, asked: askedIds(review) };
}

/** A directory inside `root` (after following links), or undefined. */
async function insideDir(root: string, rel: string): Promise<string | undefined> {
  const real = await fs.realpath(path.join(root, rel)).catch(() => undefined);
  const realRoot = await fs.realpath(root);
  if (!real || !(real === realRoot || real.startsWith(realRoot + path.sep))) return undefined;
  return (await fs.stat(real)).isDirectory() ? real : undefined;
}
