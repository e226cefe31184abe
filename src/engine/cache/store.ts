import {
  closeSync,
  fstatSync,
  futimesSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { decodeEntry, encodeEntry, type FileOutcome } from './entry.js';
import { CACHE_FORMAT } from './keys.js';

/** Per-file results by key (keys.ts): what a scan asks before analyzing a file, and tells after. */
export interface AnalysisCache {
  get(key: string): FileOutcome | undefined;
  put(key: string, outcome: FileOutcome): void;
  /** After a scan: keep the cache within its bound. */
  done(): void;
}

export interface DiskCacheOptions {
  /** Bytes of entries kept (default 512 MiB); see `prune`. */
  maxBytes?: number;
}

export const DEFAULT_CACHE_MAX_BYTES = 512 * 1024 * 1024;
/** The bound is checked at most this often (a walk of every entry), and temporary files this old are leftovers. */
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** A hit refreshes an entry's time when it is older than this, so pruning drops the least recently used first. */
const TOUCH_AFTER_MS = 24 * 60 * 60 * 1000;

/** `node_modules/.cache/privacy-review` under `dir`, where ESLint, Babel and others keep theirs. */
export function defaultCacheDir(dir: string): string {
  return path.join(dir, 'node_modules', '.cache', 'privacy-review');
}

/**
 * A cache directory of content-addressed entries, `v<format>/<2 hex>/<key>`, each written whole to a
 * temporary file and renamed into place (atomic on one file system): two runs writing the same entry
 * both write a complete one, and a reader sees the old file or the new, never half of one. An entry
 * that fails its checks (entry.ts) is ignored and rewritten. I/O failures never fail a scan: a read
 * that fails is a miss, a write that fails is dropped.
 */
export class DiskCache implements AnalysisCache {
  private readonly dir: string;
  private readonly maxBytes: number;
  private wrote = false;
  readonly counts = { hits: 0, misses: 0, bad: 0, writes: 0, failedWrites: 0 };

  constructor(root: string, options: DiskCacheOptions = {}) {
    this.dir = path.join(path.resolve(root), `v${CACHE_FORMAT}`);
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  get(key: string): FileOutcome | undefined {
    if (!/^[0-9a-f]{64}$/.test(key)) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(this.file(key), 'r');
      const text = readFileSync(fd, 'utf8');
      const outcome = decodeEntry(key, text);
      if (!outcome) {
        this.counts.bad++;
        return undefined;
      }
      if (Date.now() - fstatSync(fd).mtimeMs > TOUCH_AFTER_MS) futimesSync(fd, new Date(), new Date());
      this.counts.hits++;
      return outcome;
    } catch {
      this.counts.misses++;
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  put(key: string, outcome: FileOutcome): void {
    if (!/^[0-9a-f]{64}$/.test(key)) return;
    const target = this.file(key);
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(tmp, encodeEntry(key, outcome), { flag: 'wx' });
      renameSync(tmp, target);
      this.counts.writes++;
      this.wrote = true;
    } catch {
      this.counts.failedWrites++;
      try {
        unlinkSync(tmp);
      } catch {
        // never written
      }
    }
  }

  done(): void {
    if (!this.wrote) return;
    const marker = path.join(this.dir, '.pruned');
    try {
      if (Date.now() - statSync(marker).mtimeMs < PRUNE_INTERVAL_MS) return;
    } catch {
      // never pruned
    }
    try {
      writeFileSync(marker, '');
      utimesSync(marker, new Date(), new Date());
      prune(this.dir, this.maxBytes);
    } catch {
      // a cache that cannot be pruned still answers
    }
  }
}

/**
 * Keep a cache directory within `maxBytes`: when it holds more, the least recently used entries
 * (oldest modification time; hits refresh it daily) go until it holds three quarters of that.
 * Temporary files older than an hour are leftovers of interrupted runs and go too. Entries another
 * run removes meanwhile are skipped.
 */
export function prune(dir: string, maxBytes: number): void {
  const entries: { file: string; size: number; mtime: number }[] = [];
  let total = 0;
  const now = Date.now();
  for (const sub of readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    const subdir = path.join(dir, sub);
    for (const name of readdirSync(subdir)) {
      const file = path.join(subdir, name);
      try {
        const st = statSync(file);
        if (name.endsWith('.tmp')) {
          if (now - st.mtimeMs > PRUNE_INTERVAL_MS) unlinkSync(file);
          continue;
        }
        entries.push({ file, size: st.size, mtime: st.mtimeMs });
        total += st.size;
      } catch {
        // removed by another run
      }
    }
  }
  if (total <= maxBytes) return;
  entries.sort((a, b) => a.mtime - b.mtime);
  for (const e of entries) {
    if (total <= maxBytes * 0.75) break;
    try {
      unlinkSync(e.file);
    } catch {
      // removed by another run
    }
    total -= e.size;
  }
}
