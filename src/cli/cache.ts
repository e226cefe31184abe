import { statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir, DiskCache } from '../engine/cache/store.js';
import { UsageError } from './errors.js';

export interface CacheFlags {
  cache?: boolean;
  cacheDir?: string;
}

export const CACHE_HELP = 'reuse per-file results of earlier runs (default directory: node_modules/.cache/privacy-review)';
export const CACHE_DIR_HELP = 'keep the analysis cache in this directory (implies --cache)';

/**
 * The analysis cache the flags ask for, or undefined (off unless asked, as ESLint's --cache: CI
 * runs start clean unless a workflow keeps the directory, and a scan writes nowhere it was not told to).
 */
export function cacheFromFlags(flags: CacheFlags, cwd: string): DiskCache | undefined {
  if (!flags.cache && flags.cacheDir === undefined) return undefined;
  const dir = flags.cacheDir !== undefined ? path.resolve(cwd, flags.cacheDir) : defaultCacheDir(cwd);
  const stat = statOf(dir);
  if (stat && !stat.isDirectory())
    throw new UsageError(`--cache-dir ${flags.cacheDir ?? dir} is not a directory; give a directory (it is created when missing)`);
  return new DiskCache(dir);
}

function statOf(dir: string) {
  try {
    return statSync(dir);
  } catch {
    return undefined;
  }
}
