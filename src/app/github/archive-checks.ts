/**
 * What a repository archive may hold: the App's limits, the checks of each entry's path, and the
 * errors that say which rule an archive broke (pure: nothing here touches the file system).
 */
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
export function checkPath(rel: string, limits: ExtractLimits): void {
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
export function hardLinkSource(target: string): string | undefined {
  try {
    return entryPath(target);
  } catch {
    return undefined;
  }
}

/** A file-system error while writing `rel`, said without the temporary directory's path. */
export function unwritable(rel: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR')
    return new UnsafeArchiveError(`archive entry collides with another entry of the same path: ${printable(rel)}`);
  if (code === 'ENAMETOOLONG' || code === 'ELOOP')
    return new ArchiveLimitError(`the repository has a path the file system cannot take (${code}): ${printable(rel)}`);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  return new Error(`could not write the repository to disk (${code}); if it keeps failing, the App's host needs attention`);
}

/** The error to report: the App's own and an abort's reason as they are, the rest in words for the check run. */
export function extractionError(e: Error, signal: AbortSignal | undefined): Error {
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
export function isCompressed(start: Buffer): boolean {
  return start[0] === 0x1f && start[1] === 0x8b;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function printable(s: string): string {
  return s.length > 200 ? `${JSON.stringify(s.slice(0, 200))}…` : JSON.stringify(s);
}
