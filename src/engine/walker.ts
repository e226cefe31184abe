/**
 * Which files under the scan root are candidates, and why each of the others is skipped: the walk
 * of the tree (or a given list of files) with include/exclude, .gitignore, build output, test
 * scope, symlinks and sizes. Files are only listed and stat'ed here; file-content.ts reads them.
 */
import { promises as fs, readdirSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ScanConfig } from '../config/types.js';
import type { SkippedFile } from '../core/contract.js';
import { compare, isCandidateName } from './discovered-files.js';
import { errorCode, statOrError, toPosix } from './discovery-fs.js';
import { tooLarge } from './file-content.js';
import { Gitignores, type GitignoreLevel } from './gitignore.js';
import { testScopeDirectory, testScopeFile } from './test-scope.js';

/** Never walked and never reported: they are not the project's own code. */
const SILENT_DIRS = new Set(['node_modules', '.git']);

/** Build, cache and coverage output: generated from the sources, which are analyzed instead. */
const BUILD_DIRS = new Set([
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.angular',
  '.turbo',
  '.vercel',
  '.netlify',
  '.serverless',
  '.docusaurus',
  '.expo',
  '.parcel-cache',
  '.cache',
  'coverage',
  '.nyc_output',
  'storybook-static',
  'bower_components',
]);

/** `.d.ts`, `.d.mts`, `.d.cts` and `.d.css.ts`-style declarations for other file types. */
const DECLARATION_FILE = /\.d(?:\.[^./]+)?\.[cm]?ts$/i;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;

export class Walker {
  readonly skipped: SkippedFile[] = [];
  /** Files left out as test or vendored code (not read): analyzed after all when analyzed code imports them. */
  readonly testScoped: string[] = [];
  private readonly include: (p: string) => boolean;
  private readonly exclude: (p: string) => boolean;
  private readonly includeBases: string[];
  private readonly includeSegments: Set<string>;
  private ancestors: GitignoreLevel[] = [];
  private readonly gitignores: Gitignores;

  constructor(
    private readonly root: string,
    private readonly config: ScanConfig,
  ) {
    this.include = picomatch(config.include.length ? config.include : ['**/*']);
    this.exclude = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
    this.includeBases = config.include.map((p) => picomatch.scan(p).base);
    this.includeSegments = new Set(config.include.flatMap((p) => p.split('/')));
    this.gitignores = new Gitignores(root, config.gitignore);
  }

  /** The .gitignore files above the root that apply to it (Gitignores.ancestors). */
  async loadAncestorGitignores(): Promise<void> {
    this.ancestors = await this.gitignores.ancestors();
  }

  /** Relative paths of the files to read, in walk order. */
  async walk(): Promise<string[]> {
    const candidates: string[] = [];
    await this.walkDir('', await this.gitignores.within('', this.ancestors), candidates);
    return candidates;
  }

  /** Why a test-looking directory is out of scope (unless the configuration or an include glob asks for it). */
  private testScopeOf(rel: string, name: string): string | undefined {
    if (this.config.includeTests) return undefined;
    const reason = testScopeDirectory(name);
    return reason && !this.namedByInclude(rel) ? reason : undefined;
  }

  /** Check a given list of files with the same rules the walk applies to each directory on the way. */
  async explicit(files: readonly string[]): Promise<string[]> {
    const candidates: string[] = [];
    const wanted = new Set<string>();
    for (const f of files) {
      const abs = path.resolve(this.root, f);
      const rel = toPosix(path.relative(this.root, abs));
      if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) {
        this.skip(toPosix(f), 'outside the scan root');
        continue;
      }
      wanted.add(rel);
    }
    for (const rel of [...wanted].sort(compare)) {
      const segments = rel.split('/');
      let levels = await this.gitignores.within('', this.ancestors);
      let dirRel = '';
      let verdict = 'walk';
      for (const name of segments.slice(0, -1)) {
        dirRel = dirRel ? `${dirRel}/${name}` : name;
        verdict = this.dirVerdict(dirRel, name, levels);
        if (verdict === 'walk') verdict = this.testScopeOf(dirRel, name) ?? 'walk';
        if (verdict !== 'walk') break;
        levels = await this.gitignores.within(dirRel, levels);
      }
      if (verdict !== 'walk') {
        if (verdict !== 'silent') this.skip(rel, verdict.replace(/^directory is /, 'in a directory that is '));
        continue;
      }
      const entry = await fs.lstat(path.join(this.root, rel)).catch(() => undefined);
      if (!entry) {
        this.skip(rel, 'file not found (deleted or renamed)');
        continue;
      }
      await this.visitFile(rel, path.posix.basename(rel), entry, levels, this.testFileOr(rel, path.posix.basename(rel), candidates));
    }
    return candidates;
  }

  private async walkDir(dirRel: string, levels: GitignoreLevel[], out: string[], inTestScope = false): Promise<void> {
    const abs = path.join(this.root, dirRel);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      this.skip(dirRel || '.', `directory could not be read (${errorCode(e)})`);
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const verdict = this.dirVerdict(rel, entry.name, levels);
        if (verdict === 'walk') {
          // A test directory is walked all the same, its files parked: analyzed code may import them.
          const testScope = inTestScope ? undefined : this.testScopeOf(rel, entry.name);
          if (testScope) this.skip(rel, testScope);
          await this.walkDir(
            rel,
            await this.gitignores.within(rel, levels),
            inTestScope || testScope ? this.testScoped : out,
            inTestScope || testScope !== undefined,
          );
        } else if (verdict !== 'silent') {
          this.skip(rel, verdict);
        }
      } else if (entry.isFile() || isCandidateName(entry.name)) {
        await this.visitFile(rel, entry.name, entry, levels, inTestScope ? out : this.testFileOr(rel, entry.name, out));
      } else if (entry.isSymbolicLink()) {
        await this.visitDirLink(rel, entry.name, levels);
      }
      // sockets, FIFOs and devices are never source code
    }
  }

  /** Where a file goes: parked (with a reason) when its name makes it a test, else `out`. */
  private testFileOr(rel: string, name: string, out: string[]): string[] {
    if (this.config.includeTests || !isCandidateName(name) || !this.include(rel)) return out;
    const reason = testScopeFile(name);
    if (!reason) return out;
    this.testScopedFiles.set(rel, reason);
    return this.testScoped;
  }

  /** Test-named files and their reasons: their skip is written only if nothing analyzed imports them. */
  readonly testScopedFiles = new Map<string, string>();

  /** Whether to walk a directory, skip it without a word, or skip it with a reason. */
  // 'walk', 'silent', or the reason it is skipped
  private dirVerdict(rel: string, name: string, levels: GitignoreLevel[]): string {
    if (SILENT_DIRS.has(name)) return 'silent';
    if (!this.mayContainIncluded(rel, name)) return 'silent';
    if (this.exclude(rel)) return 'directory is excluded by the configuration (exclude)';
    const ignoredBy = this.gitignores.decidedBy(`${rel}/`, levels);
    if (ignoredBy) return `directory is ignored by ${ignoredBy}`;
    if (BUILD_DIRS.has(name) && !this.namedByInclude(rel)) {
      return 'directory is build or cache output; its sources are analyzed instead (name it in include to analyze it)';
    }
    return 'walk';
  }

  /** Prunes directories no include glob can reach, and hidden ones no glob names (globs do not match dot paths). */
  private mayContainIncluded(rel: string, name: string): boolean {
    if (name.startsWith('.') && !BUILD_DIRS.has(name) && !this.includeSegments.has(name)) return false;
    return this.includeBases.some((base) => base === '' || rel === base || rel.startsWith(`${base}/`) || base.startsWith(`${rel}/`));
  }

  /** An include glob that starts inside (or at) this directory asks for it explicitly, build output or not. */
  private namedByInclude(rel: string): boolean {
    return this.includeBases.some((base) => base !== '' && (base === rel || base.startsWith(`${rel}/`) || rel.startsWith(`${base}/`)));
  }

  private async visitFile(rel: string, name: string, entry: Dirent | Stats, levels: GitignoreLevel[], out: string[]): Promise<void> {
    if (!isCandidateName(name) || !this.include(rel)) return; // not something we analyze: not worth a line in the report
    if (this.exclude(rel)) return this.skip(rel, 'excluded by the configuration (exclude)');
    const ignoredBy = this.gitignores.decidedBy(rel, levels);
    if (ignoredBy) return this.skip(rel, `ignored by ${ignoredBy}`);
    if (DECLARATION_FILE.test(name)) return this.skip(rel, 'type declaration file (.d.ts)');
    if (MINIFIED_NAME.test(name)) return this.skip(rel, 'minified bundle (".min.js" file name)');
    if (entry.isSymbolicLink()) return this.skip(rel, await this.symlinkReason(rel));
    const stat = statOrError(path.join(this.root, rel));
    if (stat instanceof Error) return this.skip(rel, `unreadable (${errorCode(stat)})`);
    if (!stat.isFile()) return this.skip(rel, 'not a regular file');
    if (stat.size > this.config.maxFileBytes) {
      return this.skip(rel, tooLarge(stat.size, this.config.maxFileBytes));
    }
    out.push(rel);
  }

  /** A symlink without a source file name matters only when it leads to a directory (or nowhere, in a loop). */
  private async visitDirLink(rel: string, name: string, levels: GitignoreLevel[]): Promise<void> {
    const target = await fs.stat(path.join(this.root, rel)).catch((e: unknown) => e as Error);
    const loop = target instanceof Error && errorCode(target) === 'ELOOP';
    if (!loop && (target instanceof Error || !target.isDirectory())) return;
    const verdict = this.dirVerdict(rel, name, levels);
    if (verdict === 'silent') return;
    this.skip(rel, verdict === 'walk' ? await this.symlinkReason(rel) : verdict);
  }

  /**
   * Symlinks are never followed: a target outside the root is not the project's code, one inside is
   * analyzed at its own path (following would analyze it twice), and loops cannot hang the walk.
   */
  private async symlinkReason(rel: string): Promise<string> {
    const abs = path.join(this.root, rel);
    try {
      const target = await fs.realpath(abs);
      const targetRel = toPosix(path.relative(this.root, target));
      if (targetRel.startsWith('../') || targetRel === '..' || path.isAbsolute(targetRel)) return 'symlink to a path outside the scan root';
      if (targetRel === '' || rel.startsWith(`${targetRel}/`)) return 'symlink loop (points to a directory that contains it)';
      return `symlink to ${targetRel}, which is analyzed at its own path`;
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ELOOP') return 'symlink loop';
      if (code === 'ENOENT') return 'broken symlink (target does not exist)';
      return `unreadable symlink (${code})`;
    }
  }

  private skip(file: string, reason: string): void {
    this.skipped.push({ file, reason });
  }
}
