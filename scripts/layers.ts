/**
 * `npm run layers`: checks the import graph of the shipped code (src/, analyzers/) against the layer
 * picture of ARCHITECTURE.md. A file may import its own layer or a lower one, never a higher one,
 * and no chain of imports may come back to where it started. Imports are found and resolved by the
 * TypeScript compiler itself (`preProcessFile`, `resolveModuleName` with the project's tsconfig), so
 * the graph is the one `tsc` builds, type-only imports included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Layers from the bottom up; a folder is in one layer, folders of a layer do not import each other in a circle. */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/core', 'src/shared', 'src/yaml', 'lib'],
  ['src/ts'],
  ['src/taxonomy'],
  ['src/classifier'],
  ['src/sinks'],
  ['src/flow'],
  ['src/config'],
  ['src/engine'],
  ['analyzers', 'src/custom'],
  ['src/manifest'],
  ['src/review'],
  ['src/report'],
  ['src/render'],
  ['src/cli', 'src/app'],
  ['src/action'],
];

export interface LayerProblem {
  kind: 'uphill' | 'cycle' | 'unplaced';
  /** `[from, to]` for an uphill import, the files of a cycle, or the unplaced file. */
  files: string[];
  message: string;
}

/** The project's files (relative, `/`-separated) and the project files each imports. */
export function importGraph(root: string, tsconfig = 'tsconfig.build.json'): Map<string, Set<string>> {
  const configPath = path.join(root, tsconfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, ' '));
      },
    },
  );
  if (!parsed) throw new Error(`${configPath}: could not be read`);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const graph = new Map<string, Set<string>>();
  for (const file of parsed.fileNames) {
    const edges = new Set<string>();
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, file, parsed.options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(resolved.resolvedFileName);
      if (target.startsWith('..')) continue;
      edges.add(target);
    }
    graph.set(relative(file), edges);
  }
  return graph;
}

function layerOf(file: string, layers: readonly (readonly string[])[]): number | undefined {
  const i = layers.findIndex((folders) => folders.some((f) => file === f || file.startsWith(`${f}/`)));
  return i < 0 ? undefined : i;
}

/** Uphill imports, files in no layer, and import cycles (strongly connected components, Tarjan). */
export function checkLayers(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  layers: readonly (readonly string[])[] = LAYERS,
): LayerProblem[] {
  const problems: LayerProblem[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from, layers);
    if (own === undefined) {
      problems.push({
        kind: 'unplaced',
        files: [from],
        message: `${from} is in no layer: add its folder to LAYERS in scripts/layers.ts and to ARCHITECTURE.md`,
      });
      continue;
    }
    for (const to of targets) {
      const theirs = layerOf(to, layers);
      if (theirs !== undefined && theirs > own) {
        problems.push({
          kind: 'uphill',
          files: [from, to],
          message: `${from} imports ${to}, a higher layer (${layers[theirs]!.join(', ')} above ${layers[own]!.join(', ')}): move the shared part down or pass it in`,
        });
      }
    }
  }
  for (const cycle of cycles(graph)) {
    problems.push({
      kind: 'cycle',
      files: cycle,
      message: `import cycle: ${cycle.join(', ')} import each other in a circle; move what they share into a file of its own`,
    });
  }
  return problems;
}

/** Every strongly connected component of more than one file (or a file importing itself), in visiting order. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.reverse());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const graph = importGraph(root);
  const problems = checkLayers(graph);
  for (const p of problems) console.error(p.message);
  const edges = [...graph.values()].reduce((n, s) => n + s.size, 0);
  console.log(
    problems.length
      ? `${problems.length} layer problems in ${graph.size} files`
      : `layers hold: ${graph.size} files, ${edges} imports, none uphill, no cycle`,
  );
  process.exitCode = problems.length ? 1 : 0;
}
