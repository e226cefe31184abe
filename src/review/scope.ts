import type { ts } from '#ts-morph';
import { declaresGlobals, ImportGraph } from '../engine/imports.js';

/** One side of a change: its root and the text of every source file discovery accepted there. */
export interface SideFiles {
  root: string;
  /** Relative path -> text. */
  texts: ReadonlyMap<string, string>;
  compilerOptions: ts.CompilerOptions;
}

/** What an incremental review analyzes and loads. */
export interface ChangeScope {
  /** Files whose findings can differ between the sides: the changed ones and every file that imports one, directly or not. */
  analyze: Set<string>;
  /** Of those, the files that import a changed file (unchanged themselves). */
  dependents: number;
  /** Files each side's program loads: the analyzed ones, what they import, and files that declare globals. */
  load: { base: Set<string>; head: Set<string> };
}

/**
 * The files a change can affect. A file's findings depend only on its own text, on the files it
 * imports (directly or not: types, function summaries, exported clients) and on files that declare
 * globals; so only the changed files and their importers can have different findings on the two
 * sides, and loading those plus their imports gives them the same types as the whole program does.
 * A change to a file that declares globals (a script, `declare global`, `declare module`) can affect
 * every file: the answer is then a reason to review everything.
 */
export function changeScope(base: SideFiles, head: SideFiles, changed: ReadonlySet<string>): ChangeScope | { full: string } {
  for (const side of [base, head]) {
    for (const file of changed) {
      const text = side.texts.get(file);
      if (text !== undefined && declaresGlobals(file, text)) return { full: `${file} declares globals, which every file can use` };
    }
  }
  // One graph for both sides: unchanged files are the same on both, changed ones bring both texts.
  const texts = new Map<string, string[]>();
  for (const side of [head, base]) {
    for (const [file, text] of side.texts) {
      const list = texts.get(file);
      if (!list) texts.set(file, [text]);
      else if (list[0] !== text) list.push(text);
    }
  }
  const graph = new ImportGraph(texts, head.compilerOptions, head.root);
  const analyze = graph.importersOf([...changed].filter((f) => texts.has(f)));
  const dependents = [...analyze].filter((f) => !changed.has(f)).length;
  // Changed files that are not sources (deleted on one side, `.prisma` schemas) are analyzed where they exist.
  for (const f of changed) analyze.add(f);
  const globals = [...texts.keys()].filter((f) => texts.get(f)!.some((text) => declaresGlobals(f, text)));
  const loaded = graph.importsOf([...analyze, ...globals]);
  const load = (side: SideFiles) => new Set([...loaded].filter((f) => side.texts.has(f)));
  return { analyze, dependents, load: { base: load(base), head: load(head) } };
}
