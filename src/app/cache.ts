import path from 'node:path';
import { DEFAULT_CACHE_MAX_BYTES, DiskCache } from '../engine/cache/store.js';

/**
 * The analysis cache the operator set up: PRIVACY_REVIEW_CACHE_DIR (an absolute directory; off when
 * unset), bounded by PRIVACY_REVIEW_CACHE_MAX_MB (default 512). Entries are keyed by file contents,
 * so reviews of pull requests against the same base answer its files from it, whichever worker or
 * installation made them; they hold findings as reports do, so the directory is the App's alone.
 */
export function appCache(env: NodeJS.ProcessEnv): DiskCache | undefined {
  const dir = env.PRIVACY_REVIEW_CACHE_DIR?.trim();
  if (!dir || !path.isAbsolute(dir)) return undefined;
  const mb = Number(env.PRIVACY_REVIEW_CACHE_MAX_MB);
  return new DiskCache(dir, { maxBytes: Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_CACHE_MAX_BYTES });
}
