import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../config/load.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../config/types.js';
import type { AppConfig } from '../app/config/types.js';
import type { Analysis } from '../app/decide/facts.js';
import { reviewAndPrepare } from '../app/pipeline/trees.js';
import { ReviewSetupError } from '../review/errors.js';
import { findMergeBase, findRepository, git, GitCommandError, listChanges, materialize, readBlob } from '../review/git.js';
import { reviewTrees } from '../review/run.js';

export interface LocalAnalysisInput {
  /** The directory to review, inside the workflow's checkout. */
  dir: string;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  config: AppConfig;
  /** Manifest path relative to `dir`; undefined: the repository configuration's. */
  manifest?: string;
  /** A scan configuration file relative to the repository root, read from the base side. */
  configFile?: string;
  repoName: string;
  repoUrl: string;
}

/**
 * The review of a pull request from the workflow's own clone, prepared exactly as the App prepares
 * it from tarballs (src/app/pipeline/trees.ts: threshold, templates from the base side, the
 * checklist, the starter manifest): both sides are written out of git (merge base and head; the
 * checkout itself may be GitHub's merge commit), into a temporary directory removed afterwards.
 * Nothing of the repository is run or installed.
 */
export async function analyzeLocally(input: LocalAnalysisInput): Promise<Analysis> {
  const { root, subdir } = await findRepository(input.dir);
  await Promise.all([ensureCommit(root, input.base.sha, 'base'), ensureCommit(root, input.head.sha, 'head')]);
  const mergeBase = await findMergeBase(root, input.base, input.head);
  const { renames, changed } = await listChanges(root, mergeBase, input.head.sha, subdir);
  const tmp = await fs.mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'privacy-review-action-'));
  try {
    const baseDir = path.join(tmp, 'base');
    const headDir = path.join(tmp, 'head');
    await materialize(root, mergeBase, subdir, baseDir, path.join(tmp, 'base.index'));
    await materialize(root, input.head.sha, subdir, headDir, path.join(tmp, 'head.index'));
    const notes: string[] = [];
    const scan = input.configFile ? await configFromBase(root, mergeBase, input.configFile, notes) : input.config.scan;
    const { ANALYZERS } = await import('../../analyzers/index.js');
    const settings = input.config.settings;
    return await reviewAndPrepare(reviewTrees, ANALYZERS, {
      options: {
        baseDir,
        headDir,
        renames,
        changed,
        ...(scan ? { config: scan } : {}),
        manifestPath: input.manifest ?? settings.manifest,
        base: { ref: input.base.ref, sha: mergeBase },
        head: { ref: input.head.ref, sha: input.head.sha },
        notes,
      },
      settings: { threshold: settings.threshold, ...(settings.templates ? { templates: settings.templates } : {}) },
      repoName: input.repoName,
      repoUrl: input.repoUrl,
      headSha: input.head.sha,
      skipped: [],
    });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/**
 * A commit the checkout lacks (an `issue_comment` workflow checks out the default branch): fetch
 * it by sha from `origin`, which GitHub serves for a pull request's commits.
 */
async function ensureCommit(root: string, sha: string, side: 'base' | 'head'): Promise<void> {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new ReviewSetupError(`the pull request's ${side} is not a commit sha`);
  const has = () =>
    git(root, ['cat-file', '-e', `${sha}^{commit}`]).then(
      () => true,
      () => false,
    );
  if (await has()) return;
  try {
    await git(root, ['fetch', '--no-tags', 'origin', sha]);
  } catch (e) {
    if (!(e instanceof GitCommandError)) throw e;
  }
  if (!(await has())) {
    throw new ReviewSetupError(
      `the ${side} commit ${sha.slice(0, 12)} is not in this clone and could not be fetched: check out the repository with actions/checkout and \`fetch-depth: 0\` before this step`,
    );
  }
}

/** The `config` input: the scan configuration as the base side has it (a pull request cannot change its own rules). */
async function configFromBase(root: string, mergeBase: string, file: string, notes: string[]): Promise<ScanConfig> {
  const text = await readBlob(root, mergeBase, file);
  if (text === undefined) {
    notes.push(`The configuration file ${file} is not on the base side; the defaults applied (it applies once merged).`);
    return DEFAULT_CONFIG;
  }
  return parseConfig(text, file);
}
