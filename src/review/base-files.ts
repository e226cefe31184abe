import path from 'node:path';
import { DISK_FILES, type ProjectFiles } from '../ts/project-files.js';

/**
 * The base side's tree when only its changed files were written out (the CLI's review): a path the
 * change touched is read from the base directory, any other from head's tree, where it is the same.
 * So the tsconfig files a tsconfig extends, the manifests and the Prisma schemas are the base
 * commit's, as `review --full` reads them, though the base directory does not hold them.
 *
 * A directory exists on the base side when it exists in either tree: a directory whose files were
 * all added by the change still answers yes, which only makes a lookup in it find nothing.
 */
export function baseSideFiles(baseRoot: string, headRoot: string, changed: ReadonlySet<string>): ProjectFiles {
  /** The path relative to the base root when it lies inside it and the change left it alone. */
  const unchanged = (file: string): string | undefined => {
    const rel = path.relative(baseRoot, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const posix = rel.split(path.sep).join('/');
    return changed.has(posix) ? undefined : rel;
  };
  return {
    exists(file) {
      const rel = unchanged(file);
      return DISK_FILES.exists(file) || (rel !== undefined && DISK_FILES.exists(path.join(headRoot, rel)));
    },
    read(file, maxBytes) {
      const rel = unchanged(file);
      return rel === undefined ? DISK_FILES.read(file, maxBytes) : DISK_FILES.read(path.join(headRoot, rel), maxBytes);
    },
    list(dir) {
      const names = new Set(DISK_FILES.list(dir));
      const rel = unchanged(dir);
      if (rel !== undefined) {
        for (const name of DISK_FILES.list(path.join(headRoot, rel))) if (unchanged(path.join(dir, name)) !== undefined) names.add(name);
      }
      return [...names].sort();
    },
    glob(root, include, ignore) {
      const rel = unchanged(root);
      const inBase = DISK_FILES.glob(root, include, ignore).filter((f) => unchanged(path.join(root, f)) === undefined);
      const inHead =
        rel === undefined
          ? []
          : DISK_FILES.glob(path.join(headRoot, rel), include, ignore).filter((f) => unchanged(path.join(root, f)) !== undefined);
      return [...new Set([...inBase, ...inHead])].sort();
    },
  };
}
