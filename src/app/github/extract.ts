import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isNativeError } from 'node:util/types';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

export interface ExtractLimits {
  /** Compressed bytes read from the network. */
  maxDownloadBytes: number;
  /** Uncompressed tar bytes, plus the bytes each hard link copies. */
  maxTotalBytes: number;
  /** Files written, each hard-link copy included (directories and symbolic links not counted). */
  maxFiles: number;
  /** Entries of any kind: files, directories, links and the rest (a flood of empty entries costs time too). */
  maxEntries: number;
  /** Symbolic and hard links: each is made and checked one by one after the files. */
  maxLinks: number;
  /** A larger file is not written; it is listed as skipped (the scan skips files over 1 MB anyway). */
  maxFileBytes: number;
  /** Directories and file name in a path inside the repository. */
  maxPathDepth: number;
  /** UTF-8 bytes of a path inside the repository (and of a link's target). */
  maxPathBytes: number;
  /** UTF-8 bytes of one file or directory name (255 on common file systems). */
  maxNameBytes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxDownloadBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFiles: 50_000,
  maxEntries: 100_000,
  maxLinks: 10_000,
  maxFileBytes: 5 * 1024 * 1024,
  maxPathDepth: 64,
  maxPathBytes: 1024,
  maxNameBytes: 255,
};

export interface ExtractResult {
  files: number;
  /** Uncompressed archive bytes, plus the bytes hard links copied. */
  bytes: number;
  skipped: { file: string; reason: string }[];
}

/** The archive is over a limit: a clear message for the check run, not a crash. */
export class ArchiveLimitError extends Error {
  override readonly name = 'ArchiveLimitError';
}

/** The archive tries to write outside its directory or over itself: GitHub never makes such archives. */
export class UnsafeArchiveError extends Error {
  override readonly name = 'UnsafeArchiveError';
}

/** The download is not a readable gzipped tar archive (cut off, damaged or made up). */
export class CorruptArchiveError extends Error {
  override readonly name = 'CorruptArchiveError';
}

/** Directories never extracted: the scan skips them anyway and they are most of a vendored tree. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files being written at once: empty entries arrive faster than files can be created. */
const MAX_WRITES_IN_FLIGHT = 16;

/** Symbolic links checked at once after extraction (read-only checks, independent of each other). */
const LINK_CHECKS_IN_FLIGHT = 16;

/**
 * Extract a GitHub repository tarball (gzip, one top directory `owner-repo-sha/`) into `dest`,
 * which must exist and be empty. Paths are checked before anything is written: absolute paths and
 * `..` abort the extraction, and so do paths deeper or longer than the limits; files are written
 * with `wx` (never through an existing entry) and plain modes; directories are made for the files
 * in them (an empty one means nothing to the scan); symbolic links are created only after every
 * file, and each is removed again unless its real path stays inside `dest`; hard links become
 * copies of a file already extracted, each counted as a file of its size. Devices, FIFOs and the
 * like are skipped. Limits abort with ArchiveLimitError, unreadable archives with
 * CorruptArchiveError. Every failure (the network, gunzip, the tar parser, the file system) rejects
 * the returned promise, and nothing is written into `dest` once it has settled.
 */
export async function extractTarball(
  source: Readable,
  dest: string,
  limits: ExtractLimits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<ExtractResult> {
  // The download can fail while this waits for the file system (the other side's download failed
  // and aborted it): an 'error' nobody listens for would end the process, so keep it for below.
  let early: { error: unknown } | undefined;
  const onEarly = (error: unknown) => (early ??= { error });
  source.on('error', onEarly);
  const root = await fs.realpath(dest).catch((e: unknown) => {
    source.destroy();
    throw e;
  });
  const result: ExtractResult = { files: 0, bytes: 0, skipped: [] };
  const links: { rel: string; target: string; hard: boolean }[] = [];
  /** Regular files written (and hard-link copies), with their sizes. */
  const written = new Map<string, number>();
  const dirs = new DirectoryMaker(root);
  const writes = new Set<Promise<void>>();
  const open = new Set<WriteStream>();
  const parser = new Parser({ strict: true, zstd: false });
  const gunzip = createGunzip();
  let entries = 0;
  let linkEntries = 0;
  let failure: Error | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const fail = (e: unknown) => {
    if (failure) return;
    failure = isNativeError(e) || e instanceof Error ? e : new Error(String(e));
    stop();
    gunzip.destroy();
    source.destroy();
    // A file cut off mid-way would wait for the rest of its entry forever.
    for (const out of open) out.destroy();
    // Its own error: node-tar decorates the error it is given, and this one is reported as it is.
    parser.abort(new Error('extraction stopped'));
  };

  parser.on('entry', (entry: ReadEntry) => {
    if (failure) return void entry.resume();
    try {
      if (++entries > limits.maxEntries)
        throw new ArchiveLimitError(
          `the repository archive has more than ${count(limits.maxEntries)} entries (files, directories and links: the App's limit)`,
        );
      if (!Number.isSafeInteger(entry.size) || entry.size < 0)
        throw new CorruptArchiveError(
          `the repository archive is corrupt: an entry declares an impossible size (${printable(String(entry.size))})`,
        );
      const rel = entryPath(entry.path);
      if (rel === undefined || rel.split('/').some((s) => SKIPPED_DIRS.has(s))) return void entry.resume();
      checkPath(rel, limits);
      switch (entry.type) {
        case 'Directory':
          return void entry.resume();
        case 'File':
        case 'OldFile':
        case 'ContiguousFile': {
          countFile();
          if (entry.size > limits.maxFileBytes) {
            result.skipped.push({ file: rel, reason: `over the App's ${size(limits.maxFileBytes)} per-file download limit` });
            return void entry.resume();
          }
          written.set(rel, entry.size);
          track(writeEntry(entry, rel));
          return;
        }
        case 'Link': {
          entry.resume();
          countLink();
          const source = hardLinkSource(entry.linkpath ?? '');
          const bytes = source === undefined ? undefined : written.get(source);
          if (source === undefined || bytes === undefined)
            return void result.skipped.push({ file: rel, reason: 'hard link to something that is not a file of the repository' });
          // Each hard link is written as a copy: it costs what the file costs.
          countFile();
          result.bytes += bytes;
          if (result.bytes > limits.maxTotalBytes)
            throw new ArchiveLimitError(
              `the repository is over the App's ${size(limits.maxTotalBytes)} size limit (hard links count as copies)`,
            );
          written.set(rel, bytes);
          links.push({ rel, target: source, hard: true });
          return;
        }
        case 'SymbolicLink': {
          entry.resume();
          countLink();
          const target = entry.linkpath ?? '';
          if (Buffer.byteLength(target) > limits.maxPathBytes)
            return void result.skipped.push({
              file: rel,
              reason: `symbolic link whose target is over the App's ${limits.maxPathBytes}-byte path limit`,
            });
          links.push({ rel, target, hard: false });
          return;
        }
        default:
          result.skipped.push({ file: rel, reason: `not a regular file (${entry.type})` });
          return void entry.resume();
      }
    } catch (e) {
      entry.resume();
      fail(e);
    }
  });
  parser.on('error', fail);
  const ended = once(parser, 'end').then(
    () => undefined,
    () => undefined,
  );

  function countFile(): void {
    if (++result.files > limits.maxFiles)
      throw new ArchiveLimitError(`the repository has more than ${count(limits.maxFiles)} files (the App's limit)`);
  }

  function countLink(): void {
    if (++linkEntries > limits.maxLinks)
      throw new ArchiveLimitError(`the repository has more than ${count(limits.maxLinks)} symbolic and hard links (the App's limit)`);
  }

  function track(write: Promise<void>): void {
    const settled = write.catch(fail).finally(() => writes.delete(settled));
    writes.add(settled);
  }

  async function writeEntry(entry: ReadEntry, rel: string): Promise<void> {
    entry.pause();
    const file = path.join(root, rel);
    try {
      await dirs.make(path.posix.dirname(rel));
      if (failure) return;
      const out = createWriteStream(file, { flags: 'wx', mode: 0o644 });
      open.add(out);
      const closed = new Promise<void>((resolve, reject) => {
        // Kept for the stream's whole life: a late error (after a destroy) must not go uncaught.
        out.on('error', reject);
        out.on('close', resolve);
      });
      entry.pipe(out);
      await closed.finally(() => open.delete(out));
    } catch (e) {
      throw unwritable(rel, e);
    }
  }

  let compressed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      compressed += chunk.length;
      if (compressed > limits.maxDownloadBytes)
        done(new ArchiveLimitError(`the repository archive is over the App's ${size(limits.maxDownloadBytes)} download limit`));
      else done(null, chunk);
    },
  });
  // The pipeline owns the streams' errors: each one rejects here, and ends the extraction.
  if (early) fail(early.error);
  else pipeline(source, counter, gunzip).catch(fail);
  source.off('error', onEarly);
  const onAbort = () => fail(signal!.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let start = Buffer.alloc(0);
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (failure) break;
      if (start.length < 2) {
        start = Buffer.concat([start, chunk]).subarray(0, 2);
        // node-tar would decompress a second layer itself, past the size limit counted here.
        if (isCompressed(start)) throw new CorruptArchiveError('the repository archive is compressed twice (GitHub compresses once)');
      }
      result.bytes += chunk.length;
      if (result.bytes > limits.maxTotalBytes)
        throw new ArchiveLimitError(`the repository is over the App's ${size(limits.maxTotalBytes)} size limit`);
      if (!parser.write(chunk)) await Promise.race([once(parser, 'drain'), ended, stopped]);
      while (writes.size >= MAX_WRITES_IN_FLIGHT && !failure) await Promise.race([...writes, stopped]);
      if (failure) break;
    }
    if (!failure) {
      parser.end();
      await Promise.race([ended, stopped]);
    }
  } catch (e) {
    fail(e);
  }
  await Promise.allSettled([...writes]);
  if (!failure) await linkAll().catch(fail);
  signal?.removeEventListener('abort', onAbort);
  if (failure) throw extractionError(failure, signal);
  return result;

  /** Hard links first (copies; no symbolic link exists yet), then symbolic links, then a check of all. */
  async function linkAll(): Promise<void> {
    for (const link of links.filter((l) => l.hard)) {
      if (failure) return;
      try {
        await dirs.make(path.posix.dirname(link.rel));
        await fs.copyFile(path.join(root, link.target), path.join(root, link.rel), fs.constants.COPYFILE_EXCL);
      } catch (e) {
        throw unwritable(link.rel, e);
      }
    }
    const created = new Map<string, string>();
    for (const link of links.filter((l) => !l.hard)) {
      if (failure) return;
      const reason = await createSymlink(root, link, written, dirs);
      if (reason) result.skipped.push({ file: link.rel, reason });
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
      result.skipped.push({ file: rel, reason: 'symbolic link that leaves the repository' });
    }
  }
}

/** The path inside the repository: the top directory stripped; undefined for the top directory itself. */
export function entryPath(raw: string): string | undefined {
  if (raw.includes('\0')) throw new UnsafeArchiveError('archive entry name contains a NUL byte');
  if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw) || raw.startsWith('\\'))
    throw new UnsafeArchiveError(`archive entry has an absolute path: ${printable(raw)}`);
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) throw new UnsafeArchiveError(`archive entry leaves the archive: ${printable(raw)}`);
  if (segments.length <= 1) return undefined;
  return segments.slice(1).join('/');
}

/** Paths no file system or git checkout takes: refused before anything is made for them. */
function checkPath(rel: string, limits: ExtractLimits): void {
  const bytes = Buffer.byteLength(rel);
  if (bytes > limits.maxPathBytes)
    throw new ArchiveLimitError(
      `the repository has a path of ${count(bytes)} bytes, over the App's limit of ${count(limits.maxPathBytes)}: ${printable(rel)}`,
    );
  const segments = rel.split('/');
  if (segments.length > limits.maxPathDepth)
    throw new ArchiveLimitError(
      `the repository has a path ${count(segments.length)} levels deep, over the App's limit of ${limits.maxPathDepth}: ${printable(rel)}`,
    );
  const long = segments.find((s) => Buffer.byteLength(s) > limits.maxNameBytes);
  if (long !== undefined)
    throw new ArchiveLimitError(
      `the repository has a file or directory name of ${count(Buffer.byteLength(long))} bytes, over the App's limit of ${limits.maxNameBytes}: ${printable(long)}`,
    );
}

/** A hard link names another archive entry, with the top directory; undefined when that is not a path inside the repository. */
function hardLinkSource(target: string): string | undefined {
  try {
    return entryPath(target);
  } catch {
    return undefined;
  }
}

/** Makes each directory once (a repository writes many files into the same few directories). */
class DirectoryMaker {
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

/** A file-system error while writing `rel`, said without the temporary directory's path. */
function unwritable(rel: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR')
    return new UnsafeArchiveError(`archive entry collides with another entry of the same path: ${printable(rel)}`);
  if (code === 'ENAMETOOLONG' || code === 'ELOOP')
    return new ArchiveLimitError(`the repository has a path the file system cannot take (${code}): ${printable(rel)}`);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  return new Error(`could not write the repository to disk (${code}); if it keeps failing, the App's host needs attention`);
}

/** The error to report: the App's own and an abort's reason as they are, the rest in words for the check run. */
function extractionError(e: Error, signal: AbortSignal | undefined): Error {
  if (signal?.aborted && e === signal.reason) return e;
  if (e instanceof ArchiveLimitError || e instanceof UnsafeArchiveError || e instanceof CorruptArchiveError) return e;
  const code = String((e as NodeJS.ErrnoException).code ?? '');
  if (code.startsWith('Z_') || code === 'ERR_ZLIB_INPUT')
    return new CorruptArchiveError(`the repository archive is not valid gzip data (${e.message.split('\n')[0]})`);
  if ((e as { tarCode?: unknown }).tarCode !== undefined)
    return new CorruptArchiveError(`the repository archive is not a valid tar archive (${e.message.split('\n')[0]})`);
  return e;
}

/** gzip's magic number: the one compression node-tar detects by itself (zstd is switched off). */
function isCompressed(start: Buffer): boolean {
  return start[0] === 0x1f && start[1] === 0x8b;
}

/** `work` over `items`, at most `limit` at once, results in order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function printable(s: string): string {
  return s.length > 200 ? `${JSON.stringify(s.slice(0, 200))}…` : JSON.stringify(s);
}
