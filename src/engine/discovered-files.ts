/** What file discovery returns, and which file names it reads at all. */
import type { SkippedFile } from '../core/contract.js';

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Relative to the root, `/`-separated. */
  relative: string;
  text: string;
}

export interface Discovery {
  /** TypeScript/JavaScript sources to parse. */
  sources: DiscoveredFile[];
  /** Other files analyzers read as text (e.g. `.prisma`). */
  textFiles: DiscoveredFile[];
  skipped: SkippedFile[];
  /**
   * Test-scope files of a walk: every one found (`candidates`) and those analyzed because analyzed
   * code imports them (`imported`, also in `sources`/`textFiles`). A review decides them per side.
   */
  testScope?: { candidates: string[]; imported: string[] };
}

export const SOURCE_FILE = /\.(?:[cm]?[tj]s|[tj]sx)$/i;
export const TEXT_FILE = /\.prisma$/i;

export function isCandidateName(name: string): boolean {
  return SOURCE_FILE.test(name) || TEXT_FILE.test(name);
}

/** Code-point order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
