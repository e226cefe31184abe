import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ReviewSetupError } from '../../src/review/errors.js';
import {
  fetchSpec,
  findMergeBase,
  findRepository,
  isCheckedOutClean,
  listChanges,
  listRenames,
  materialize,
  parseChanges,
  parseRenames,
  resolveCommit,
} from '../../src/review/git.js';
import { gitIn, initRepo, openRepo, tempDir, type TestRepo } from './git-repo.js';

test.each<[string, string, Record<string, string>]>([
  ['one rename', 'R100\0src/old.ts\0src/new.ts\0', { 'src/old.ts': 'src/new.ts' }],
  ['renames among other changes', 'M\0a.ts\0R087\0b.ts\0c.ts\0A\0d.ts\0D\0e.ts\0C100\0f.ts\0g.ts\0', { 'b.ts': 'c.ts' }],
  ['names with spaces and newlines', 'R100\0my file.ts\0dir/new\nname.ts\0', { 'my file.ts': 'dir/new\nname.ts' }],
  ['nothing', '', {}],
])('parseRenames: %s', (_name, output, expected) => {
  expect(Object.fromEntries(parseRenames(output))).toEqual(expected);
});

test('parseRenames relative to a reviewed subdirectory drops renames across its border', () => {
  const out = 'R100\0pkg/a.ts\0pkg/src/a.ts\0R100\0pkg/b.ts\0other/b.ts\0R100\0x.ts\0pkg/x.ts\0R100\0pkgx/c.ts\0pkgx/d.ts\0';
  expect(Object.fromEntries(parseRenames(out, 'pkg'))).toEqual({ 'a.ts': 'src/a.ts' });
});

test('parseChanges lists every changed path once per side: both names of a rename, the new name of a copy', () => {
  const out = 'M\0a.ts\0R087\0b.ts\0c.ts\0A\0d.ts\0D\0e.ts\0C100\0f.ts\0g.ts\0';
  expect(parseChanges(out).changed).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'g.ts']);
  expect(parseChanges('M\0pkg/a.ts\0M\0web/b.ts\0R100\0web/c.ts\0pkg/c.ts\0', 'pkg')).toEqual({
    renames: new Map(),
    changed: ['a.ts', 'c.ts'],
  });
});

test.each<[string, string[], { remote: string; refspec: string }]>([
  ['origin/main', ['origin'], { remote: 'origin', refspec: '+refs/heads/main:refs/remotes/origin/main' }],
  [
    'upstream/release/1.x',
    ['origin', 'upstream'],
    { remote: 'upstream', refspec: '+refs/heads/release/1.x:refs/remotes/upstream/release/1.x' },
  ],
  ['refs/remotes/origin/main', ['origin'], { remote: 'origin', refspec: '+refs/heads/main:refs/remotes/origin/main' }],
  ['main', ['origin'], { remote: 'origin', refspec: '+refs/heads/main:refs/heads/main' }],
  ['feature/x', ['origin'], { remote: 'origin', refspec: '+refs/heads/feature/x:refs/heads/feature/x' }],
  ['0123456789abcdef0123456789abcdef01234567', ['origin'], { remote: 'origin', refspec: '0123456789abcdef0123456789abcdef01234567' }],
  ['refs/tags/v1.0', ['origin'], { remote: 'origin', refspec: '+refs/tags/v1.0:refs/tags/v1.0' }],
  ['main~3', ['origin'], { remote: 'origin', refspec: 'main~3' }],
])('fetchSpec(%s)', (ref, remotes, expected) => {
  expect(fetchSpec(ref, remotes, 'origin')).toEqual(expected);
});

describe('in a repository', () => {
  let repo: TestRepo;
  let base: string;
  let head: string;
  beforeAll(() => {
    repo = initRepo();
    repo.write({
      'pkg/src/a.ts': 'export const a = 1;\n'.repeat(20),
      'pkg/b.ts': 'b\n',
      'top.txt': 'top\n',
      '.gitattributes': 'pkg/b.ts export-ignore\n',
    });
    base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('mv', 'pkg/src/a.ts', 'pkg/src/renamed.ts');
    repo.write({ 'pkg/c.ts': 'c\n' });
    head = repo.commit('head');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'top.txt': 'moved on\n' });
    repo.commit('main moves on');
    repo.git('checkout', '-q', 'feature');
  });

  test('findRepository: the top level and the reviewed subdirectory', async () => {
    expect(await findRepository(repo.dir)).toEqual({ root: repo.dir, subdir: '' });
    expect(await findRepository(path.join(repo.dir, 'pkg/src'))).toEqual({ root: repo.dir, subdir: 'pkg/src' });
  });

  test('findRepository outside a repository is a setup error', async () => {
    await expect(findRepository(tempDir())).rejects.toThrow(/is not in a git work tree.*privacy-review scan/);
  });

  test('resolveCommit: refs resolve, options and unknown refs do not', async () => {
    expect(await resolveCommit(repo.dir, 'feature', 'head')).toBe(head);
    await expect(resolveCommit(repo.dir, '--output=/tmp/x', 'base')).rejects.toThrow(ReviewSetupError);
    await expect(resolveCommit(repo.dir, 'nope', 'base')).rejects.toThrow(/base ref "nope" .*no remote/);
  });

  test('findMergeBase is where the branch left main, not main today', async () => {
    const mainSha = await resolveCommit(repo.dir, 'main', 'base');
    expect(mainSha).not.toBe(base);
    expect(await findMergeBase(repo.dir, { ref: 'main', sha: mainSha }, { ref: 'feature', sha: head })).toBe(base);
  });

  test('listRenames between commits, relative to a subdirectory', async () => {
    expect(Object.fromEntries(await listRenames(repo.dir, base, head))).toEqual({ 'pkg/src/a.ts': 'pkg/src/renamed.ts' });
    expect(Object.fromEntries(await listRenames(repo.dir, base, head, 'pkg'))).toEqual({ 'src/a.ts': 'src/renamed.ts' });
  });

  test('materialize writes a commit (or its subdirectory) elsewhere and leaves the work tree and index alone', async () => {
    const statusBefore = repo.git('status', '--porcelain=v2', '--branch');
    const indexBefore = readFileSync(path.join(repo.dir, '.git/index'));
    const out = tempDir();
    await materialize(repo.dir, base, '', path.join(out, 'all'), path.join(out, 'idx1'));
    await materialize(repo.dir, base, 'pkg', path.join(out, 'pkg'), path.join(out, 'idx2'));
    await materialize(repo.dir, base, 'not/there', path.join(out, 'none'), path.join(out, 'idx3'));
    expect(readdirSync(path.join(out, 'all'), { recursive: true }).sort()).toEqual([
      '.gitattributes',
      'pkg',
      'pkg/b.ts',
      'pkg/src',
      'pkg/src/a.ts',
      'top.txt',
    ]);
    // export-ignore does not hide files from the review (git archive would)
    expect(readdirSync(path.join(out, 'pkg'), { recursive: true }).sort()).toEqual(['b.ts', 'src', 'src/a.ts']);
    expect(readdirSync(path.join(out, 'none'))).toEqual([]);
    expect(readFileSync(path.join(out, 'all/top.txt'), 'utf8')).toBe('top\n');
    expect(existsSync(path.join(out, 'idx1'))).toBe(false);
    expect(repo.git('status', '--porcelain=v2', '--branch')).toBe(statusBefore);
    expect(readFileSync(path.join(repo.dir, '.git/index')).equals(indexBefore)).toBe(true);
  });

  test('materialize with a filter writes only the files it accepts', async () => {
    const out = tempDir();
    await materialize(repo.dir, base, '', path.join(out, 'some'), path.join(out, 'idx'), (f) => f === 'pkg/b.ts' || f === 'top.txt');
    expect(readdirSync(path.join(out, 'some'), { recursive: true }).sort()).toEqual(['pkg', 'pkg/b.ts', 'top.txt']);
    await materialize(repo.dir, base, 'pkg', path.join(out, 'none'), path.join(out, 'idx'), () => false);
    expect(readdirSync(path.join(out, 'none'))).toEqual([]);
  });

  test('listChanges: between commits, and against the work tree with untracked files', async () => {
    expect(await listChanges(repo.dir, base, head, 'pkg')).toEqual({
      renames: new Map([['src/a.ts', 'src/renamed.ts']]),
      changed: ['c.ts', 'src/a.ts', 'src/renamed.ts'],
    });
    repo.write({ 'pkg/untracked.ts': 'u\n', 'pkg/b.ts': 'edited\n' });
    try {
      const wt = await listChanges(repo.dir, head, undefined, 'pkg');
      expect(wt.changed.sort()).toEqual(['b.ts', 'untracked.ts']);
      expect(await isCheckedOutClean(repo.dir, head, 'pkg')).toBe(false);
    } finally {
      repo.write({ 'pkg/untracked.ts': null });
      repo.git('checkout', '--', 'pkg/b.ts');
    }
    expect(await isCheckedOutClean(repo.dir, head, 'pkg')).toBe(true);
    expect(await isCheckedOutClean(repo.dir, base, 'pkg')).toBe(false);
  });

  test('a shallow clone without the base says exactly what to fetch, and that fetch works', async () => {
    const clone = path.join(tempDir(), 'clone');
    gitIn(path.dirname(clone), ['clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${repo.dir}`, clone]);
    let message = '';
    try {
      await resolveCommit(clone, 'origin/main', 'base');
    } catch (e) {
      expect(e).toBeInstanceOf(ReviewSetupError);
      message = (e as Error).message;
    }
    expect(message).toContain('base ref "origin/main" is not in this clone (a shallow clone');
    expect(message).toContain('fetch-depth: 0');
    const command = /^ {2}(git fetch .*)$/m.exec(message)?.[1];
    expect(command).toBe('git fetch --no-tags --unshallow origin +refs/heads/main:refs/remotes/origin/main');
    gitIn(clone, command!.split(' ').slice(1));
    const baseSha = await resolveCommit(clone, 'origin/main', 'base');
    expect(await findMergeBase(clone, { ref: 'origin/main', sha: baseSha }, { ref: 'HEAD', sha: head })).toBe(base);
  });

  test('a shallow clone with both tips but no merge base says to unshallow', async () => {
    const clone = path.join(tempDir(), 'clone');
    gitIn(path.dirname(clone), ['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature', `file://${repo.dir}`, clone]);
    openRepo(clone);
    const baseSha = await resolveCommit(clone, 'origin/main', 'base');
    const err = await findMergeBase(clone, { ref: 'origin/main', sha: baseSha }, { ref: 'HEAD', sha: head }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ReviewSetupError);
    expect((err as Error).message).toMatch(/no common ancestor of base \(origin\/main\) and head \(HEAD\).*shallow/);
    const command = /^ {2}(git fetch .*)$/m.exec((err as Error).message)?.[1];
    expect(command).toBe('git fetch --no-tags --unshallow origin');
    gitIn(clone, command!.split(' ').slice(1));
    expect(await findMergeBase(clone, { ref: 'origin/main', sha: baseSha }, { ref: 'HEAD', sha: head })).toBe(base);
  });

  test('unrelated histories have no merge base', async () => {
    const other = initRepo();
    other.write({ 'x.txt': 'x\n' });
    other.commit('one');
    other.git('checkout', '-q', '--orphan', 'orphan');
    other.write({ 'y.txt': 'y\n' });
    const orphan = other.commit('two');
    const main = await resolveCommit(other.dir, 'main', 'base');
    await expect(findMergeBase(other.dir, { ref: 'main', sha: main }, { ref: 'orphan', sha: orphan })).rejects.toThrow(
      /have no common history/,
    );
  });
});
