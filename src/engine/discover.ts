import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { ScanConfig } from '../config/types.js';
import type { SkippedFile } from './types.js';

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
}

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** Minimal discovery; the full version (gitignore, binary, symlinks, minified, generated) lives here too. */
export async function discoverFiles(root: string, config: ScanConfig): Promise<Discovery> {
  const entries = await glob(config.include, { cwd: root, ignore: [...ALWAYS_EXCLUDED, ...config.exclude], dot: false });
  entries.sort();
  const sources: DiscoveredFile[] = [];
  const textFiles: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const relative of entries) {
    const abs = path.join(root, relative);
    const text = await fs.readFile(abs, 'utf8');
    (relative.endsWith('.prisma') ? textFiles : sources).push({ path: abs, relative, text });
  }
  return { sources, textFiles, skipped };
}
