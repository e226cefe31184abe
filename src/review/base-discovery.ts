import path from 'node:path';
import { addImportedTestScope } from '../engine/imported-test-scope.js';
import type { DiscoveredFile, Discovery } from '../engine/discovered-files.js';
import type { ScanConfig } from '../config/types.js';
import type { ProjectFiles } from '../ts/project-files.js';

export interface BaseDiscovery {
  discovery: Discovery;
  /** Test-scope files analyzed on one side only: their importer changed, so they count as changed. */
  flipped: string[];
}

/**
 * The base side's files when only its changed files were walked: head's unchanged files and base's
 * changed ones. A test-scope file (a fixture, a mock) is analyzed when analyzed code imports it
 * (imported-test-scope.ts), which a changed importer decides differently on each side: the base
 * side decides it again from its own files, as a walk of the base tree would, reading unchanged
 * files from head.
 */
export async function discoverBase(
  head: Discovery,
  baseChanged: Discovery,
  changed: ReadonlySet<string>,
  roots: { base: string; head: string },
  config: ScanConfig,
  projectFiles: ProjectFiles,
): Promise<BaseDiscovery> {
  const headImported = new Set(head.testScope?.imported);
  const changedImported = new Set(baseChanged.testScope?.imported);
  const fromHead = (f: DiscoveredFile) => !changed.has(f.relative) && !headImported.has(f.relative);
  const fromBase = (f: DiscoveredFile) => !changedImported.has(f.relative);
  const rebase = (f: DiscoveredFile): DiscoveredFile => ({ ...f, path: path.join(roots.base, f.relative) });
  const discovery: Discovery = {
    sources: [...head.sources.filter(fromHead).map(rebase), ...baseChanged.sources.filter(fromBase)],
    textFiles: [...head.textFiles.filter(fromHead).map(rebase), ...baseChanged.textFiles.filter(fromBase)],
    skipped: [],
  };
  const candidates = [...(head.testScope?.candidates ?? []).filter((f) => !changed.has(f)), ...(baseChanged.testScope?.candidates ?? [])];
  if (candidates.length === 0) return { discovery, flipped: [] };
  const baseImported = await addImportedTestScope(roots.base, config, discovery, candidates, projectFiles, (f) =>
    changed.has(f) ? roots.base : roots.head,
  );
  discovery.skipped = [];
  const flipped = [...[...baseImported].filter((f) => !headImported.has(f)), ...[...headImported].filter((f) => !baseImported.has(f))];
  return { discovery, flipped };
}
