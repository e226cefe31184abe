import path from 'node:path';
import type { ScanConfig } from '../config/types.js';
import type { ProjectFiles } from '../ts/project-files.js';
import { compilerOptionsFor } from './compiler-options.js';
import { SOURCE_FILE, TEXT_FILE, type Discovery } from './discovered-files.js';
import { readCandidate } from './file-content.js';
import { ImportGraph, importSpecifiers } from './imports.js';
import { TEST_SCOPE_SPECIFIER } from './test-scope.js';

/**
 * Test-scope files that analyzed code imports (directly or through other such files) are analyzed
 * after all: production code that imports from a `test/` or `fixtures/` path ships that code. Cheap:
 * only imports whose specifier has a test-scope word are resolved, with the project's module
 * resolution (relative paths, `paths`/`baseUrl`), and only the files they reach are read.
 */
export async function addImportedTestScope(
  root: string,
  config: ScanConfig,
  discovery: Discovery,
  parked: readonly string[],
  projectFiles?: ProjectFiles,
  /** Where a parked file is read from (a review's base side: head's tree for unchanged files). */
  readRoot: (relative: string) => string = () => root,
): Promise<Set<string>> {
  const imported = new Set<string>();
  const texts = new Map<string, string[]>(discovery.sources.map((f) => [f.relative, [f.text]]));
  for (const p of parked) if (SOURCE_FILE.test(p)) texts.set(p, ['']);
  const waiting = new Set(parked);
  let graph: ImportGraph | undefined;
  const queue = discovery.sources.filter((f) => importSpecifiers(f.text).some((s) => TEST_SCOPE_SPECIFIER.test(s))).map((f) => f.relative);
  while (queue.length) {
    const from = queue.pop()!;
    graph ??= new ImportGraph(texts, compilerOptionsFor(root, projectFiles).options, root);
    for (const dep of graph.dependencies(from)) {
      if (!waiting.delete(dep)) continue;
      const read = await readCandidate(readRoot(dep), dep, config.maxFileBytes);
      if ('reason' in read) {
        discovery.skipped.push(read);
        continue;
      }
      const r = { ...read, path: path.join(root, dep) };
      texts.set(dep, [r.text]);
      (TEXT_FILE.test(dep) ? discovery.textFiles : discovery.sources).push(r);
      imported.add(dep);
      queue.push(dep);
    }
  }
  return imported;
}
