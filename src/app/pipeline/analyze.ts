import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../../engine/analyzer.js';
import { parseConfig } from '../../config/load.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../../config/types.js';
import type { AppConfig } from '../config/types.js';
import { APP_CONFIG_PATH } from '../constants.js';
import type { Comparison } from '../github/compare.js';
import type { ExtractLimits } from '../github/archive-checks.js';
import type { ExtractResult } from '../github/extract.js';
import { downloadTree } from '../github/tarball.js';
import type { Octokit, RepoRef } from '../github/types.js';
import { reviewAndPrepare, type Analysis, type ReviewFn, type TreesInput } from './trees.js';

export type { Analysis } from './trees.js';

export interface AnalyzeInput {
  repo: RepoRef;
  repoUrl: string;
  baseRef: string;
  headRef: string;
  headSha: string;
  comparison: Comparison;
  config: AppConfig;
}

/** Reviews two downloaded trees and prepares the checklist: on a worker thread (ReviewPool), or in-thread. */
export type TreesReviewer = (input: TreesInput, signal: AbortSignal) => Promise<Analysis>;

export interface AnalyzeDeps {
  trees: TreesReviewer;
  limits: ExtractLimits;
  tmpDir?: string;
}

/** The CLI's configuration at the root of the base side, when the App's file has no scan keys. */
const ROOT_CONFIG_NAMES = ['.privacy-review.yml', '.privacy-review.yaml'];

/**
 * Download the merge base and the head as tarballs, review them, and render the checklist: all
 * that does not depend on approvals, so that an approval event reuses it. The download is I/O on
 * this thread; the review and the rendering go to `deps.trees` (a worker thread in the App). The
 * trees live in a temporary directory that is removed afterwards, whatever happens.
 */
export async function analyze(octokit: Octokit, deps: AnalyzeDeps, input: AnalyzeInput, signal: AbortSignal): Promise<Analysis> {
  const tmp = await fs.mkdtemp(path.join(deps.tmpDir ?? os.tmpdir(), 'privacy-review-app-'));
  try {
    const baseDir = path.join(tmp, 'base');
    const headDir = path.join(tmp, 'head');
    await Promise.all([fs.mkdir(baseDir), fs.mkdir(headDir)]);
    const [, headTree] = await downloadBoth(
      (dir, sha, both) => downloadTree(octokit, input.repo, sha, dir, deps.limits, both),
      [
        [baseDir, input.comparison.mergeBase],
        [headDir, input.headSha],
      ],
      signal,
    );
    signal.throwIfAborted();

    const settings = input.config.settings;
    const notes: string[] = [];
    const scanConfig = input.config.scan ?? (await rootScanConfig(baseDir)) ?? DEFAULT_CONFIG;
    if (input.comparison.changed.includes(APP_CONFIG_PATH)) {
      notes.push(
        `This pull request changes ${APP_CONFIG_PATH}; the review used the default branch's version (the change applies once merged).`,
      );
    }
    if (!input.comparison.complete)
      notes.push('GitHub listed only part of the changed files, so every file was analyzed and renamed files may show as new findings.');
    // Known changed files (both names of a rename): only they and the files importing them are analyzed.
    const changed = input.comparison.complete ? [...new Set([...input.comparison.changed, ...input.comparison.renames.keys()])] : undefined;
    const skippedDownload = [...headTree.skipped];
    if (skippedDownload.length)
      notes.push(
        `${skippedDownload.length} file${skippedDownload.length === 1 ? ' was' : 's were'} not downloaded (listed under files not analyzed).`,
      );

    return await deps.trees(
      {
        options: {
          baseDir,
          headDir,
          renames: input.comparison.renames,
          ...(changed ? { changed } : {}),
          config: scanConfig,
          manifestPath: settings.manifest,
          base: { ref: input.baseRef, sha: input.comparison.mergeBase },
          head: { ref: input.headRef, sha: input.headSha },
          notes,
        },
        settings: { threshold: settings.threshold, ...(settings.templates ? { templates: settings.templates } : {}) },
        repoName: input.repo.repo,
        repoUrl: input.repoUrl,
        headSha: input.headSha,
        skipped: skippedDownload,
      },
      signal,
    );
  } finally {
    // Nothing writes here any more (both downloads have settled); a failure to remove must not hide the review's own error.
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

type Download = (dir: string, sha: string, signal: AbortSignal) => Promise<ExtractResult>;

/**
 * Both sides at once. The first failure is the one reported, and it stops the other side; both
 * have settled (nothing is still writing into the temporary directory) before this returns.
 */
export async function downloadBoth(
  download: Download,
  sides: readonly [[string, string], [string, string]],
  signal: AbortSignal,
): Promise<[ExtractResult, ExtractResult]> {
  const stop = new AbortController();
  const either = AbortSignal.any([signal, stop.signal]);
  let first: { error: unknown } | undefined;
  const run = ([dir, sha]: [string, string]) =>
    download(dir, sha, either).catch((error: unknown) => {
      first ??= { error: signal.aborted ? signal.reason : error };
      stop.abort(first.error);
      throw error;
    });
  const [base, head] = await Promise.allSettled([run(sides[0]), run(sides[1])]);
  if (first) throw first.error;
  return [(base as PromiseFulfilledResult<ExtractResult>).value, (head as PromiseFulfilledResult<ExtractResult>).value];
}

async function rootScanConfig(baseDir: string): Promise<ScanConfig | undefined> {
  for (const name of ROOT_CONFIG_NAMES) {
    const text = await fs.readFile(path.join(baseDir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) return parseConfig(text, name);
  }
  return undefined;
}

/**
 * The review on this thread (tests with a stubbed review; `review: reviewTrees` to debug): it
 * cannot be interrupted, so an aborted job stops waiting and the review finishes in the background.
 */
export function inThread(review: ReviewFn, analyzers?: readonly Analyzer[]): TreesReviewer {
  return async (input, signal) => {
    const list = analyzers ?? (await import('../../../analyzers/index.js')).ANALYZERS;
    return abortable(reviewAndPrepare(review, list, input), signal);
  };
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
  const relevant = JSON.stringify({
    scan: config.scan ?? null,
    manifest: s.manifest,
    threshold: s.threshold,
    templates: s.templates ?? null,
  });
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
