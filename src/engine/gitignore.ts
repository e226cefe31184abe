/** Which .gitignore (or .git/info/exclude) decides a path of the scan, as git decides it. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { exists, readOrUndefined, toPosix } from './discovery-fs.js';

export interface GitignoreLevel {
  /** Absolute directory the .gitignore is in. */
  dir: string;
  /** Label for reasons, e.g. `.gitignore` or `packages/api/.gitignore`. */
  label: string;
  rules: Ignore;
}

/** The .gitignore files of a scan, each read once; none apply when `enabled` is false. */
export class Gitignores {
  private readonly cache = new Map<string, GitignoreLevel | null>();

  constructor(
    private readonly root: string,
    private readonly enabled: boolean,
  ) {}

  /** When the root is inside a git work tree, the .gitignore files above it apply too, as they do for git. */
  async ancestors(): Promise<GitignoreLevel[]> {
    if (!this.enabled) return [];
    const chain: string[] = [];
    for (let dir = path.dirname(this.root); ; dir = path.dirname(dir)) {
      chain.unshift(dir);
      if (await exists(path.join(dir, '.git'))) break;
      if (path.dirname(dir) === dir) return []; // not in a repository: only the root's own files count
    }
    const levels: GitignoreLevel[] = [];
    for (const dir of chain) {
      const level = await this.of(dir);
      if (level) levels.push(level);
    }
    const excludeFile = path.join(chain[0], '.git', 'info', 'exclude');
    const text = await fs.readFile(excludeFile, 'utf8').catch(() => undefined);
    if (text) levels.unshift({ dir: chain[0], label: '.git/info/exclude', rules: ignore().add(text) });
    // Asking to scan an ignored directory (a vendored app, an example) is a request to analyze it anyway.
    if (this.decidedBy(`${path.basename(this.root)}/`, levels, path.dirname(this.root))) return [];
    return levels;
  }

  /** The .gitignore that decides `rel` (a `dir/` path for directories); deeper files override higher ones, as in git. */
  decidedBy(rel: string, levels: GitignoreLevel[], base = this.root): string | undefined {
    let decidedBy: string | undefined;
    const abs = path.join(base, rel);
    for (const level of levels) {
      const relToLevel = toPosix(path.relative(level.dir, abs)) + (rel.endsWith('/') ? '/' : '');
      const verdict = level.rules.test(relToLevel);
      if (verdict.ignored) decidedBy = level.label;
      else if (verdict.unignored) decidedBy = undefined;
    }
    return decidedBy;
  }

  /** The levels that apply inside directory `dirRel`: those of its parents plus its own .gitignore. */
  async within(dirRel: string, levels: GitignoreLevel[]): Promise<GitignoreLevel[]> {
    if (!this.enabled) return levels;
    const own = await this.of(path.join(this.root, dirRel));
    return own ? [...levels, own] : levels;
  }

  private async of(dir: string): Promise<GitignoreLevel | null> {
    const cached = this.cache.get(dir);
    if (cached !== undefined) return cached;
    const file = path.join(dir, '.gitignore');
    const text = readOrUndefined(file);
    const rel = toPosix(path.relative(this.root, file));
    const level = text === undefined ? null : { dir, label: rel, rules: ignore().add(text) };
    this.cache.set(dir, level);
    return level;
  }
}
