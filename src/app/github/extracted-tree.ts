/**
 * The extracted tree on disk: directories made once for the files in them, and the links, made
 * after every file and kept only when they stay inside the tree.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inParallel } from '../../shared/in-parallel.js';
import { unwritable } from './archive-checks.js';

/** Symbolic links checked at once after extraction (read-only checks, independent of each other). */
const LINK_CHECKS_IN_FLIGHT = 16;

/** A hard or symbolic link entry, made once every file is written. */
export interface ArchiveLink {
  rel: string;
  target: string;
  hard: boolean;
}

/** Makes each directory once (a repository writes many files into the same few directories). */
export class DirectoryMaker {
  private readonly made = new Set<string>(['.']);

  constructor(private readonly root: string) {}

  async make(rel: string): Promise<void> {
    if (this.made.has(rel)) return;
    await fs.mkdir(path.join(this.root, rel), { recursive: true, mode: 0o755 });
    for (let dir = rel; !this.made.has(dir); dir = path.posix.dirname(dir)) this.made.add(dir);
  }

  has(rel: string): boolean {
    return this.made.has(rel);
  }
}

/**
 * Hard links first (copies; no symbolic link exists yet), then symbolic links, then a check of all.
 * Nothing more is made once `stopped` says the extraction has failed.
 */
export async function makeLinks(
  root: string,
  links: readonly ArchiveLink[],
  written: ReadonlyMap<string, number>,
  dirs: DirectoryMaker,
  skipped: { file: string; reason: string }[],
  stopped: () => boolean,
): Promise<void> {
  for (const link of links.filter((l) => l.hard)) {
    if (stopped()) return;
    try {
      await dirs.make(path.posix.dirname(link.rel));
      await fs.copyFile(path.join(root, link.target), path.join(root, link.rel), fs.constants.COPYFILE_EXCL);
    } catch (e) {
      throw unwritable(link.rel, e);
    }
  }
  const created = new Map<string, string>();
  for (const link of links.filter((l) => !l.hard)) {
    if (stopped()) return;
    const reason = await createSymlink(root, link, written, dirs);
    if (reason) skipped.push({ file: link.rel, reason });
    else created.set(link.rel, link.target);
  }
  // A link can look inside until a later one is created: check them all once everything exists.
  const rels = [...created.keys()];
  const leaving = await inParallel(rels, LINK_CHECKS_IN_FLIGHT, async (rel) => {
    const known = leavesByName(rel, created.get(rel)!, (p) => created.has(p));
    if (known !== undefined) return known;
    const real = await fs.realpath(path.join(root, rel)).catch(() => undefined);
    return real !== undefined && real !== root && !real.startsWith(root + path.sep);
  });
  for (const [i, rel] of rels.entries()) {
    if (!leaving[i]) continue;
    await fs.unlink(path.join(root, rel));
    skipped.push({ file: rel, reason: 'symbolic link that leaves the repository' });
  }
}

/**
 * Create a symbolic link, unless its target is absolute, it would replace something, or its
 * directory is a file or reached through a link. The tree so far is known: only this function
 * makes links, and files and directories never are links.
 */
async function createSymlink(
  root: string,
  link: { rel: string; target: string },
  files: ReadonlyMap<string, number>,
  dirs: DirectoryMaker,
): Promise<string | undefined> {
  if (!link.target || path.isAbsolute(link.target) || link.target.includes('\0')) return 'symbolic link to an absolute or unusable path';
  if (files.has(link.rel) || dirs.has(link.rel)) return 'symbolic link over an existing entry';
  const segments = link.rel.split('/');
  for (let i = 1; i < segments.length; i++) {
    const parent = segments.slice(0, i).join('/');
    if (files.has(parent)) return 'symbolic link inside a file';
    if (
      !dirs.has(parent) &&
      (await fs.lstat(path.join(root, parent)).then(
        (s) => s.isSymbolicLink(),
        () => false,
      ))
    )
      return 'symbolic link inside another symbolic link';
  }
  try {
    await dirs.make(path.posix.dirname(link.rel));
    await fs.symlink(link.target, path.join(root, link.rel));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EEXIST' ? 'symbolic link over an existing entry' : `symbolic link that cannot be created (${code ?? 'error'})`;
  }
  return undefined;
}

/**
 * Whether a symbolic link's target leaves the tree, from the names alone; undefined when the way
 * there goes through a symbolic link (only the file system can follow that). Sound because the
 * link's own directory is a real one (links inside links are refused) and `isLink` knows every
 * link in the tree: a `..` only ever steps out of a real directory.
 */
export function leavesByName(rel: string, target: string, isLink: (rel: string) => boolean): boolean | undefined {
  const at = rel.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!at.length) return true;
      at.pop();
      continue;
    }
    at.push(part);
    if (isLink(at.join('/'))) return undefined;
  }
  return false;
}
