import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Review } from '../../src/review/types.js';

/**
 * Small real git repositories for review tests, in a temp directory removed after the test file.
 * Configured locally (user, no signing, no CRLF conversion) so that the machine's git config does
 * not matter.
 */
export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Write files (relative path -> text; `null` deletes). */
  write(files: Record<string, string | null>): void;
  /** Stage everything and commit; returns the sha. */
  commit(message: string): string;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary directory (real path, so it compares equal to what git prints). */
export function tempDir(prefix = 'pr-review-'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

/** Environment without the caller's git context (tests may run inside a git hook). */
export const GIT_ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete env[k];
  return env;
})();

export function gitIn(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initRepo(dir = tempDir()): TestRepo {
  gitIn(dir, ['init', '-q', '-b', 'main']);
  return openRepo(dir);
}

/** A repository that exists (a clone): configure it for commits. */
export function openRepo(dir: string): TestRepo {
  for (const [k, v] of [
    ['user.name', 'Test'],
    ['user.email', 'test@example.com'],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ]) {
    gitIn(dir, ['config', k!, v!]);
  }
  const repo: TestRepo = {
    dir,
    git: (...args) => gitIn(dir, args),
    write(files) {
      for (const [rel, text] of Object.entries(files)) {
        const file = path.join(dir, rel);
        if (text === null) rmSync(file, { force: true });
        else {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
      }
    },
    commit(message) {
      gitIn(dir, ['add', '-A']);
      gitIn(dir, ['commit', '-q', '--no-verify', '-m', message]);
      return gitIn(dir, ['rev-parse', 'HEAD']).trim();
    },
  };
  return repo;
}

/** Copy a directory tree (e.g. examples/shop) into the repository. */
export function copyInto(repo: TestRepo, from: string, to = '.'): void {
  cpSync(from, path.join(repo.dir, to), { recursive: true });
}

/** A temporary directory holding these files (a `null` text: the file is absent). */
export function writeTree(files: Record<string, string | null>, prefix?: string): string {
  const dir = tempDir(prefix);
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A review's new and fixed findings, one sortable line each (id, rule, place, categories). */
export function reviewChanges(r: Review): string[] {
  return r.findings
    .filter((f) => f.status !== 'unchanged')
    .map((f) => `${f.status} ${f.finding.id} ${f.finding.rule} ${f.finding.file}:${f.finding.line} ${f.finding.categories.join(',')}`)
    .sort();
}
