import { promises as fs } from 'node:fs';
import type { ScanConfig } from '../config/types.js';
import { inParallel } from '../shared/in-parallel.js';
import type { ProjectFiles } from '../ts/project-files.js';
import { compare, TEXT_FILE, type DiscoveredFile, type Discovery } from './discovered-files.js';
import { readCandidate } from './file-content.js';
import { addImportedTestScope } from './imported-test-scope.js';
import { Walker } from './walker.js';

export interface DiscoverOptions {
  /**
   * Analyze only these files (absolute, or relative to the root), e.g. the files a pull request
   * changed. Every other rule (include/exclude, .gitignore, build output, size, ...) still applies.
   */
  files?: readonly string[];
  /** How the files that decide module resolution are read (compilerOptionsFor); default: from disk. */
  projectFiles?: ProjectFiles;
}

/** Files read concurrently; order of the result does not depend on it. */
const READ_CONCURRENCY = 32;

/**
 * Find the files to analyze under `root` and read each of them once. Everything a default would skip
 * is listed in `skipped` with a reason a developer can act on (except node_modules and .git, which
 * are never the project's code). Results are sorted by path, so output does not depend on the file
 * system's directory order.
 */
export async function discoverFiles(root: string, config: ScanConfig, options: DiscoverOptions = {}): Promise<Discovery> {
  const realRoot = await fs.realpath(root).catch(() => {
    throw new Error(`Scan root ${root} does not exist or cannot be read.`);
  });
  const walker = new Walker(realRoot, config);
  await walker.loadAncestorGitignores();
  const candidates = options.files ? await walker.explicit(options.files) : await walker.walk();
  const discovery: Discovery = { sources: [], textFiles: [], skipped: walker.skipped };
  const read = await inParallel(candidates, READ_CONCURRENCY, (relative) => readCandidate(realRoot, relative, config.maxFileBytes));
  for (const r of read) {
    if ('reason' in r) discovery.skipped.push(r);
    else (TEXT_FILE.test(r.relative) ? discovery.textFiles : discovery.sources).push(r);
  }
  const imported = walker.testScoped.length
    ? await addImportedTestScope(realRoot, config, discovery, walker.testScoped, options.projectFiles)
    : new Set<string>();
  for (const [file, reason] of walker.testScopedFiles) if (!imported.has(file)) discovery.skipped.push({ file, reason });
  discovery.testScope = { candidates: [...walker.testScoped], imported: [...imported] };
  discovery.sources.sort(byRelative);
  discovery.textFiles.sort(byRelative);
  discovery.skipped.sort((a, b) => compare(a.file, b.file));
  return discovery;
}

function byRelative(a: DiscoveredFile, b: DiscoveredFile): number {
  return compare(a.relative, b.relative);
}
