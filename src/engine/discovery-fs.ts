/*
 * How discovery touches the file system. Synchronous calls on purpose: discovery reads thousands of
 * small files, and each promise-based read costs four thread-pool round trips (open, fstat, read,
 * close), which made discovery of 5,000 files take ~1.5 s instead of ~0.2 s. Nothing else runs
 * while a scan does.
 */
import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export function statOrError(p: string): Stats | Error {
  try {
    return statSync(p);
  } catch (e) {
    return e as Error;
  }
}

export function readOrUndefined(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

export async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
