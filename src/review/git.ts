import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReviewSetupError } from './errors.js';

/** Ref names, shas and rename lists are small; even a huge PR's rename list fits. More is an error, not unbounded memory. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** A git command that exited non-zero; `stderr` is git's own message. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | string | undefined,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim().split('\n')[0] || `exit code ${exitCode}`}`);
  }
}

/**
 * Run git with an argument array (never a shell string: refs come from users and CI). No prompts
 * (a partial clone fetching a missing blob must not wait for a password), LFS files stay pointers
 * (they are not source code), no optional index writes in the user's repository.
 */
export function git(cwd: string, args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1', GIT_OPTIONAL_LOCKS: '0', ...env },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT')
          reject(new ReviewSetupError('git was not found on PATH; a review compares two commits and needs git installed'));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new Error(`git ${args[0]} printed more than ${MAX_BUFFER} bytes`));
        else reject(new GitCommandError(args, code ?? (error as { code?: number }).code, String(stderr)));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export interface Repository {
  /** Top-level directory of the work tree (real path). */
  root: string;
  /** The reviewed directory relative to `root`, `/`-separated; `''` for the root itself. */
  subdir: string;
}

/** The git work tree that holds `dir`. */
export async function findRepository(dir: string): Promise<Repository> {
  let top: string;
  try {
    top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    if (e instanceof GitCommandError) {
      throw new ReviewSetupError(
        `${dir} is not in a git work tree: a review compares two commits of a repository (use \`privacy-review scan\` for a plain directory)`,
      );
    }
    throw e;
  }
  const [root, real] = await Promise.all([fs.realpath(top), fs.realpath(dir)]);
  const subdir = path.relative(root, real).split(path.sep).join('/');
  return { root, subdir };
}

export type Side = 'base' | 'head';

/** The commit a ref names; a ref missing from the clone is a ReviewSetupError that says what to fetch. */
export async function resolveCommit(root: string, ref: string, side: Side): Promise<string> {
  // A ref is an operand, never an option: `--base=--output=x` must not reach git as a flag.
  if (!ref || ref.startsWith('-') || /[\0\n\r]/.test(ref)) throw new ReviewSetupError(`invalid ${side} ref ${JSON.stringify(ref)}`);
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch (e) {
    if (!(e instanceof GitCommandError)) throw e;
    if (ref === 'HEAD') throw new ReviewSetupError('the repository has no commit yet (HEAD does not exist); commit something first');
    throw new ReviewSetupError(await missingRefMessage(root, ref, side));
  }
}

/**
 * Where the head branch left the base: the base side of the review, as in GitHub's three-dot diff,
 * so that commits merged into the base since are not counted as the pull request's changes.
 */
export async function findMergeBase(root: string, base: { ref: string; sha: string }, head: { ref: string; sha: string }): Promise<string> {
  try {
    return (await git(root, ['merge-base', base.sha, head.sha])).trim();
  } catch (e) {
    if (!(e instanceof GitCommandError)) throw e;
  }
  const between = `base (${base.ref}) and head (${head.ref})`;
  if (await isShallow(root)) {
    const remote = await pickRemote(root);
    throw new ReviewSetupError(
      [
        `no common ancestor of ${between} in this clone: it is shallow (as CI checkouts are), so the commit where the branch started is missing.`,
        'Fetch the missing history, then run the review again:',
        `  git fetch --no-tags --unshallow ${remote ?? 'origin'}`,
        ACTIONS_HINT,
      ].join('\n'),
    );
  }
  throw new ReviewSetupError(`${between} have no common history; pass the branch the pull request targets as --base`);
}

const ACTIONS_HINT = 'In GitHub Actions, check out with full history instead: actions/checkout with `fetch-depth: 0`.';

export async function isShallow(root: string): Promise<boolean> {
  return (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

async function remotes(root: string): Promise<string[]> {
  return (await git(root, ['remote'])).split('\n').filter(Boolean);
}

async function pickRemote(root: string): Promise<string | undefined> {
  const list = await remotes(root);
  return list.includes('origin') ? 'origin' : list[0];
}

/** The exact fetch that makes `ref` resolve, with the history a merge base needs when the clone is shallow. */
async function missingRefMessage(root: string, ref: string, side: Side): Promise<string> {
  const [list, shallow] = await Promise.all([remotes(root), isShallow(root)]);
  const fallback = list.includes('origin') ? 'origin' : list[0];
  if (!fallback)
    return `${side} ref "${ref}" does not exist in this repository, which has no remote to fetch it from; check the name (git branch -a)`;
  const { remote, refspec } = fetchSpec(ref, list, fallback);
  return [
    `${side} ref "${ref}" is not in this clone${shallow ? ' (a shallow clone, as CI checkouts are)' : ''}.`,
    `Fetch it${shallow ? ', with the history back to where the branch started,' : ','} then run the review again:`,
    `  git fetch --no-tags${shallow ? ' --unshallow' : ''} ${remote} ${refspec}`,
    ACTIONS_HINT,
  ].join('\n');
}

/** A refspec that creates exactly the ref the user named: `origin/main` -> `refs/remotes/origin/main`, `main` -> `refs/heads/main`. */
export function fetchSpec(ref: string, remoteNames: readonly string[], fallback: string): { remote: string; refspec: string } {
  const remoteTracking = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(ref);
  if (remoteTracking && remoteNames.includes(remoteTracking[1])) {
    const [, remote, branch] = remoteTracking as unknown as [string, string, string];
    return { remote, refspec: `+refs/heads/${branch}:refs/remotes/${remote}/${branch}` };
  }
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(ref)) return { remote: fallback, refspec: ref };
  const tag = /^refs\/tags\/(.+)$/.exec(ref);
  if (tag) return { remote: fallback, refspec: `+refs/tags/${tag[1]}:refs/tags/${tag[1]}` };
  const branch = /^(?:refs\/heads\/)?([\w.\-/]+)$/.exec(ref);
  if (branch && !branch[1].endsWith('.lock')) return { remote: fallback, refspec: `+refs/heads/${branch[1]}:refs/heads/${branch[1]}` };
  return { remote: fallback, refspec: ref };
}

export interface Changes {
  /** Renamed files, base path -> head path, relative to `subdir`. */
  renames: Map<string, string>;
  /** Every path that differs, relative to `subdir`: both names of a renamed file, untracked files of a work tree. */
  changed: string[];
}

/**
 * What differs between two commits (or a commit and the work tree when `to` is undefined, untracked
 * files included), relative to `subdir`. A rename into or out of `subdir` is an addition or a
 * removal from the reviewed directory's point of view, so it is not a rename there.
 */
export async function listChanges(root: string, from: string, to: string | undefined, subdir = ''): Promise<Changes> {
  const diff = await git(root, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', from, ...(to ? [to] : []), '--']);
  const changes = parseChanges(diff, subdir);
  if (!to) {
    const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', subdir || '.']);
    changes.changed.push(...inside(untracked.split('\0').filter(Boolean), subdir));
  }
  return changes;
}

/** Files renamed between two commits (or a commit and the work tree), base path -> head path relative to `subdir`. */
export async function listRenames(root: string, from: string, to: string | undefined, subdir = ''): Promise<Map<string, string>> {
  return (await listChanges(root, from, to, subdir)).renames;
}

/** `git diff --name-status -z` output: `R<score>\0old\0new\0`, `C<score>\0a\0b\0`, `<X>\0path\0`. */
export function parseChanges(output: string, subdir = ''): Changes {
  const renames = new Map<string, string>();
  const paths: string[] = [];
  const parts = output.split('\0');
  const prefix = subdir ? `${subdir}/` : '';
  for (let i = 0; i < parts.length;) {
    const status = parts[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = parts[i++];
      const to = parts[i++];
      if (status.startsWith('R') && from.startsWith(prefix) && to.startsWith(prefix))
        renames.set(from.slice(prefix.length), to.slice(prefix.length));
      // a copy leaves its source as it was
      paths.push(...(status.startsWith('R') ? [from, to] : [to]));
    } else {
      paths.push(parts[i++]);
    }
  }
  return { renames, changed: inside(paths, subdir) };
}

export function parseRenames(output: string, subdir = ''): Map<string, string> {
  return parseChanges(output, subdir).renames;
}

function inside(paths: readonly string[], subdir: string): string[] {
  const prefix = subdir ? `${subdir}/` : '';
  return paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
}

/**
 * Write the tree of `sha` (its `subdir`) into `dest` without touching the user's work tree or index:
 * a throwaway index file is filled with read-tree and checked out with a prefix. Unlike `git archive`
 * this ignores `export-ignore` attributes, which would silently hide files from the review. A subdir
 * the commit does not have yields an empty directory (a package the pull request adds).
 */
export async function materialize(
  root: string,
  sha: string,
  subdir: string,
  dest: string,
  indexFile: string,
  only?: (file: string) => boolean,
): Promise<void> {
  await fs.mkdir(dest, { recursive: true });
  const treeish = subdir ? `${sha}:${subdir}` : sha;
  if (subdir) {
    // (`<sha>:<path>^{tree}` would name a path ending in `^{tree}`)
    const type = await git(root, ['cat-file', '-t', treeish]).then(
      (t) => t.trim(),
      () => undefined,
    );
    if (type !== 'tree') return;
  }
  const env = { GIT_INDEX_FILE: indexFile };
  try {
    await git(root, ['read-tree', treeish], env);
    // checkout-index wants the prefix to end with a separator to treat it as a directory
    const prefix = `--prefix=${dest}${path.sep}`;
    if (only) {
      const wanted = (await git(root, ['ls-files', '-z'], env)).split('\0').filter((f) => f && only(f));
      if (wanted.length) await git(root, ['checkout-index', '--force', '-z', '--stdin', prefix], env, wanted.join('\0'));
    } else {
      await git(root, ['checkout-index', '--all', '--force', prefix], env);
    }
  } finally {
    await fs.rm(indexFile, { force: true });
  }
}

/**
 * Whether the work tree holds exactly `sha` under `subdir` (a CI checkout of the head): it is then
 * reviewed in place instead of being written out again. Ignored files do not count, as they are
 * not analyzed.
 */
export async function isCheckedOutClean(root: string, sha: string, subdir: string): Promise<boolean> {
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '');
  if (head.trim() !== sha) return false;
  const status = await git(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', subdir || '.']);
  return status === '';
}

/** Text of a file at a commit, or undefined when the commit does not have it. */
export async function readBlob(root: string, sha: string, file: string): Promise<string | undefined> {
  try {
    return await git(root, ['cat-file', 'blob', `${sha}:${file}`]);
  } catch (e) {
    if (e instanceof GitCommandError) return undefined;
    throw e;
  }
}
