import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, type ScanConfig } from '../../src/config/types.js';
import { discoverFiles, type DiscoverOptions } from '../../src/engine/discover.js';
import type { Discovery } from '../../src/engine/discovered-files.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A temporary directory holding `files` (path → content); removed after the test file. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pr-discover-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

export function discover(root: string, config: Partial<ScanConfig> = {}, options?: DiscoverOptions): Promise<Discovery> {
  return discoverFiles(root, { ...DEFAULT_CONFIG, ...config }, options);
}

/** Relative paths of everything found, sources and text files together. */
export function found(d: Discovery): string[] {
  return [...d.sources, ...d.textFiles].map((f) => f.relative).sort();
}

export function reasonFor(d: Discovery, file: string): string | undefined {
  return d.skipped.find((s) => s.file === file)?.reason;
}
