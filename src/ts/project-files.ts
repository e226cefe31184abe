import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { globSync } from 'tinyglobby';

/**
 * How the files that decide module resolution are read: package manifests, tsconfig files with
 * their `extends` chains, Prisma schemas. They are not sources (discovery does not hand them over)
 * and are read by absolute path. A tree on disk answers from disk; a review's base side, written out
 * only where it differs from head, answers through its changed files and head's tree (review/base-files.ts).
 */
export interface ProjectFiles {
  /** Whether a file or directory exists. */
  exists(file: string): boolean;
  /** A file's text; undefined when it is missing, unreadable or larger than `maxBytes`. */
  read(file: string, maxBytes?: number): string | undefined;
  /** The names in a directory; empty when it is missing. */
  list(dir: string): string[];
  /** Files under `root` that match `include` and not `ignore`, relative to `root`, `/`-separated. Throws on a bad pattern. */
  glob(root: string, include: readonly string[], ignore: readonly string[]): string[];
}

/** The files as they are on disk. */
export const DISK_FILES: ProjectFiles = {
  exists: (file) => existsSync(file),
  read(file, maxBytes) {
    try {
      if (maxBytes !== undefined && statSync(file).size > maxBytes) return undefined;
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  glob: (root, include, ignore) =>
    globSync([...include], { cwd: root, ignore: [...ignore], followSymbolicLinks: false, expandDirectories: false }),
};
