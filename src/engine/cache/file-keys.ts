import { analyzerIdentity, globalsHash, sourceKey, textKey } from './keys.js';
import { closureHashes, contentHash } from './closure-hashes.js';

interface KeyedFile {
  relative: string;
  text: string;
}

export interface FileKeyInputs {
  /** The scan's identity (keys.ts scanIdentity). */
  scan: string;
  /** Every source the scan loads (its import graph's files). */
  sources: readonly KeyedFile[];
  /** The sources and text files to key: those analyzed. */
  analyzed: readonly KeyedFile[];
  textFiles: readonly KeyedFile[];
  /** Sources a source imports directly (the scan's import graph, a superset of TypeScript's). */
  dependencies: (file: string) => readonly string[];
  /** Whether a source's declarations are visible to files that do not import it (imports.ts). */
  declaresGlobals: (file: string, text: string) => boolean;
  analyzersFor: (file: string) => readonly { meta: { id: string; name: string }; cacheIdentity?: string | null }[];
}

/**
 * Each analyzed file's cache key. A source's findings depend on its own text, on the files it imports
 * (directly or not) and on the files that declare globals, as partition.ts and the review's scope
 * rely on: the key covers exactly those, plus the scan's identity and the analyzers run on it.
 */
export function fileKeys(inputs: FileKeyInputs): Map<string, string> {
  const contents = new Map(inputs.sources.map((f) => [f.relative, contentHash(f.text)]));
  const closures = closureHashes(contents, inputs.dependencies);
  const globals = globalsHash(
    inputs.sources.filter((f) => inputs.declaresGlobals(f.relative, f.text)).map((f) => closures.get(f.relative)!),
  );
  const out = new Map<string, string>();
  for (const f of inputs.analyzed) {
    const closure = closures.get(f.relative);
    if (closure)
      out.set(f.relative, sourceKey(inputs.scan, analyzerIdentity(inputs.analyzersFor(f.relative)), f.relative, closure, globals));
  }
  for (const f of inputs.textFiles) {
    out.set(f.relative, textKey(inputs.scan, analyzerIdentity(inputs.analyzersFor(f.relative)), f.relative, contentHash(f.text)));
  }
  return out;
}
