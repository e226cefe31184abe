import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isNativeError } from 'node:util/types';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import {
  ArchiveLimitError,
  checkPath,
  count,
  CorruptArchiveError,
  DEFAULT_LIMITS,
  entryPath,
  extractionError,
  hardLinkSource,
  isCompressed,
  printable,
  size,
  unwritable,
  type ExtractLimits,
} from './archive-checks.js';
import { DirectoryMaker, makeLinks, type ArchiveLink } from './extracted-tree.js';

export interface ExtractResult {
  files: number;
  /** Uncompressed archive bytes, plus the bytes hard links copied. */
  bytes: number;
  skipped: { file: string; reason: string }[];
}

/** Directories never extracted: the scan skips them anyway and they are most of a vendored tree. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files being written at once: empty entries arrive faster than files can be created. */
const MAX_WRITES_IN_FLIGHT = 16;

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
  const links: ArchiveLink[] = [];
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
  if (!failure) await makeLinks(root, links, written, dirs, result.skipped, () => failure !== undefined).catch(fail);
  signal?.removeEventListener('abort', onAbort);
  if (failure) throw extractionError(failure, signal);
  return result;
}
