import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

export interface ExtractLimits {
  /** Compressed bytes read from the network. */
  maxDownloadBytes: number;
  /** Uncompressed tar bytes. */
  maxTotalBytes: number;
  /** Files written (directories not counted). */
  maxFiles: number;
  /** A larger file is not written; it is listed as skipped (the scan skips files over 1 MB anyway). */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxDownloadBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFiles: 50_000,
  maxFileBytes: 5 * 1024 * 1024,
};

export interface ExtractResult {
  files: number;
  bytes: number;
  skipped: { file: string; reason: string }[];
}

/** The archive is over a limit: a clear message for the check run, not a crash. */
export class ArchiveLimitError extends Error {
  override readonly name = 'ArchiveLimitError';
}

/** The archive tries to write outside its directory: GitHub never makes such archives. */
export class UnsafeArchiveError extends Error {
  override readonly name = 'UnsafeArchiveError';
}

/** Directories never extracted: the scan skips them anyway and they are most of a vendored tree. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Extract a GitHub repository tarball (gzip, one top directory `owner-repo-sha/`) into `dest`,
 * which must exist and be empty. Paths are checked before anything is written: absolute paths and
 * `..` abort the extraction; files are written with `wx` (never through an existing entry) and
 * plain modes; symbolic links are created only after every file, and each is removed again unless
 * its real path stays inside `dest`; hard links become copies of a file already extracted. Devices,
 * FIFOs and the like are skipped. Size and count limits abort with ArchiveLimitError.
 */
export async function extractTarball(source: Readable, dest: string, limits: ExtractLimits = DEFAULT_LIMITS, signal?: AbortSignal): Promise<ExtractResult> {
  const root = await fs.realpath(dest);
  const result: ExtractResult = { files: 0, bytes: 0, skipped: [] };
  const links: { rel: string; target: string; hard: boolean }[] = [];
  const written = new Set<string>();
  const pending: Promise<void>[] = [];
  const open = new Set<WriteStream>();
  const parser = new Parser({ strict: true });
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    parser.abort(e);
    // A file cut off mid-way would wait for the rest of its entry forever.
    for (const out of open) out.destroy();
  };

  parser.on('entry', (entry: ReadEntry) => {
    if (failure) return void entry.resume();
    try {
      const rel = entryPath(entry.path);
      if (rel === undefined || rel.split('/').some((s) => SKIPPED_DIRS.has(s))) return void entry.resume();
      switch (entry.type) {
        case 'Directory':
          entry.resume();
          pending.push(fs.mkdir(path.join(root, rel), { recursive: true, mode: 0o755 }).then(() => undefined));
          return;
        case 'File':
        case 'OldFile':
        case 'ContiguousFile': {
          if (++result.files > limits.maxFiles) throw new ArchiveLimitError(`the repository has more than ${limits.maxFiles.toLocaleString('en-US')} files (the App's limit)`);
          if (entry.size > limits.maxFileBytes) {
            result.skipped.push({ file: rel, reason: `over the App's ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB per-file download limit` });
            return void entry.resume();
          }
          written.add(rel);
          pending.push(writeEntry(entry, path.join(root, rel), open));
          return;
        }
        case 'SymbolicLink':
        case 'Link':
          links.push({ rel, target: entry.linkpath ?? '', hard: entry.type === 'Link' });
          return void entry.resume();
        default:
          result.skipped.push({ file: rel, reason: `not a regular file (${entry.type})` });
          return void entry.resume();
      }
    } catch (e) {
      entry.resume();
      fail(e as Error);
    }
  });
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  const done = once(parser, 'end').catch(() => undefined);

  const gunzip = source.pipe(createGunzip());
  source.on('error', (e) => gunzip.destroy(e));
  let compressed = 0;
  source.on('data', (chunk: Buffer) => {
    compressed += chunk.length;
    if (compressed > limits.maxDownloadBytes) gunzip.destroy(new ArchiveLimitError(`the repository archive is over the App's ${mb(limits.maxDownloadBytes)} MB download limit`));
  });
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      if (failure) break;
      result.bytes += chunk.length;
      if (result.bytes > limits.maxTotalBytes) throw new ArchiveLimitError(`the repository is over the App's ${mb(limits.maxTotalBytes)} MB size limit`);
      if (!parser.write(chunk)) await Promise.race([once(parser, 'drain'), done]);
    }
  } catch (e) {
    source.destroy();
    fail(e as Error);
  }
  if (!failure) {
    parser.end();
    await done;
  }
  await Promise.allSettled(pending);
  if (failure) throw failure;
  const results = await Promise.allSettled(pending);
  const broken = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (broken) throw broken.reason;

  // Hard links first (copies; no symbolic link exists yet), then symbolic links, then a check of all.
  for (const link of links.filter((l) => l.hard)) {
    const reason = await copyHardLink(root, link, written);
    if (reason) result.skipped.push({ file: link.rel, reason });
  }
  const created: string[] = [];
  for (const link of links.filter((l) => !l.hard)) {
    const reason = await createSymlink(root, link);
    if (reason) result.skipped.push({ file: link.rel, reason });
    else created.push(link.rel);
  }
  // A link can look inside until a later one is created: check them all once everything exists.
  for (const rel of created) {
    const real = await fs.realpath(path.join(root, rel)).catch(() => undefined);
    if (real !== undefined && real !== root && !real.startsWith(root + path.sep)) {
      await fs.unlink(path.join(root, rel));
      result.skipped.push({ file: rel, reason: 'symbolic link that leaves the repository' });
    }
  }
  return result;
}

/** The path inside the repository: the top directory stripped; undefined for the top directory itself. */
export function entryPath(raw: string): string | undefined {
  if (raw.includes('\0')) throw new UnsafeArchiveError('archive entry name contains a NUL byte');
  if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw) || raw.startsWith('\\')) throw new UnsafeArchiveError(`archive entry has an absolute path: ${printable(raw)}`);
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) throw new UnsafeArchiveError(`archive entry leaves the archive: ${printable(raw)}`);
  if (segments.length <= 1) return undefined;
  return segments.slice(1).join('/');
}

async function writeEntry(entry: ReadEntry, file: string, open: Set<WriteStream>): Promise<void> {
  entry.pause();
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  const out = createWriteStream(file, { flags: 'wx', mode: 0o644 });
  open.add(out);
  const closed = once(out, 'close');
  entry.pipe(out);
  await closed.finally(() => open.delete(out));
}

/** A hard link names another archive entry (with the top directory): copy that file. */
async function copyHardLink(root: string, link: { rel: string; target: string }, written: ReadonlySet<string>): Promise<string | undefined> {
  let source: string | undefined;
  try {
    source = entryPath(link.target);
  } catch {
    return 'hard link to a path outside the repository';
  }
  if (!source || !written.has(source)) return 'hard link to something that is not a file of the repository';
  const at = path.join(root, link.rel);
  await fs.mkdir(path.dirname(at), { recursive: true, mode: 0o755 });
  await fs.copyFile(path.join(root, source), at, fs.constants.COPYFILE_EXCL).catch(() => undefined);
  return undefined;
}

/** Create a symbolic link, unless its target is absolute, it would replace something, or its directory is reached through a link. */
async function createSymlink(root: string, link: { rel: string; target: string }): Promise<string | undefined> {
  if (!link.target || path.isAbsolute(link.target) || link.target.includes('\0')) return 'symbolic link to an absolute or unusable path';
  const segments = link.rel.split('/');
  for (let i = 1; i < segments.length; i++) {
    const stat = await fs.lstat(path.join(root, ...segments.slice(0, i))).catch(() => undefined);
    if (stat?.isSymbolicLink()) return 'symbolic link inside another symbolic link';
  }
  const at = path.join(root, link.rel);
  if (await fs.lstat(at).then(() => true, () => false)) return 'symbolic link over an existing entry';
  await fs.mkdir(path.dirname(at), { recursive: true, mode: 0o755 });
  await fs.symlink(link.target, at);
  return undefined;
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function printable(s: string): string {
  return JSON.stringify(s.slice(0, 200));
}
