import { createHash } from 'node:crypto';

/** What every file's results of one scan depend on besides the files themselves. */
export interface ScanIdentityInputs {
  /** The tool's version and the hash of its own code (tool-identity.ts). */
  tool: string;
  /** The effective configuration (plain data). */
  config: unknown;
  /** How imports resolve and which packages the workspace holds (resolutionSignature). */
  resolution: string;
}

/** Bumped when an entry's layout or what a key covers changes: old entries then simply miss. */
export const CACHE_FORMAT = 1;

/** One hash of the inputs every file of a scan shares; undefined when the configuration is not plain data. */
export function scanIdentity(inputs: ScanIdentityInputs): string | undefined {
  let config: string;
  try {
    config = JSON.stringify(inputs.config, plainData);
  } catch {
    return undefined;
  }
  return sha256(['scan', CACHE_FORMAT, inputs.tool, config, inputs.resolution].join('\u0000'));
}

/** Functions, symbols and bigints have no stable text: a configuration holding one is not cached. */
function plainData(_key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new Error('not plain data');
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  return value;
}

/** The analyzers run on a file: their ids and, for custom ones, their module's content. */
export function analyzerIdentity(analyzers: readonly { meta: { id: string; name: string }; cacheIdentity?: string | null }[]): string {
  return analyzers.map((a) => `${a.meta.id}:${a.meta.name}:${a.cacheIdentity ?? ''}`).join('\u0001');
}

/**
 * A source file's key: the scan's identity, the analyzers run on it, its path, the hash of its import
 * closure (closure-hashes.ts, its own content included) and of the files that declare globals (with
 * their closures), which every file sees.
 */
export function sourceKey(scan: string, analyzers: string, file: string, closure: string, globals: string): string {
  return sha256(['source', scan, analyzers, file, closure, globals].join('\u0000'));
}

/** A text file's key (a Prisma schema): analyzers read only its own text with the configuration. */
export function textKey(scan: string, analyzers: string, file: string, content: string): string {
  return sha256(['text', scan, analyzers, file, content].join('\u0000'));
}

/** The hash of the global-declaring files' closures, in a stable order. */
export function globalsHash(closures: readonly string[]): string {
  return sha256(['globals', ...[...closures].sort()].join('\u0000'));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
