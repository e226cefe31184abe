import type { ts } from '#ts-morph';
import { declaresGlobals, ImportGraph } from '../engine/imports.js';

/** Relative path -> text of every source file discovery accepted on a side. */
export type SideTexts = ReadonlyMap<string, string>;

/** How the project's imports resolve (the same on both sides: a tsconfig change reviews every file). */
export interface Resolution {
  root: string;
  compilerOptions: ts.CompilerOptions;
}

export interface Cutoff {
  /** The changed files (others import them, both sides have them) whose privacy summary is the same on both sides. */
  same(files: readonly string[], graph: ImportGraph): Promise<ReadonlySet<string>>;
  /** Fewest importers (unchanged files) the summarized files must have for summarizing to be worth it. */
  minDependents: number;
}

/** What an incremental review analyzes and loads. */
export interface ChangeScope {
  /** Files whose findings can differ between the sides: the changed ones and every file that imports one, directly or not. */
  analyze: Set<string>;
  /** Of those, the files that import a changed file (unchanged themselves). */
  dependents: number;
  /** Files that import a changed file but were not analyzed: every changed file they reach kept its privacy summary. */
  cutOff: number;
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
export async function changeScope(
  base: SideTexts,
  head: SideTexts,
  changed: ReadonlySet<string>,
  resolution: Resolution,
  cutoff?: Cutoff,
): Promise<ChangeScope | { full: string }> {
  for (const side of [base, head]) {
    for (const file of changed) {
      const text = side.get(file);
      if (text !== undefined && declaresGlobals(file, text)) return { full: `${file} declares globals, which every file can use` };
    }
  }
  // One graph for both sides: unchanged files are the same on both, changed ones bring both texts.
  const texts = new Map<string, string[]>();
  for (const side of [head, base]) {
    for (const [file, text] of side) {
      const list = texts.get(file);
      if (!list) texts.set(file, [text]);
      else if (list[0] !== text) list.push(text);
    }
  }
  const graph = new ImportGraph(texts, resolution.compilerOptions, resolution.root);
  const sources = [...changed].filter((f) => texts.has(f));
  // Early cutoff: a changed file that others import, present on both sides, whose summary is the same
  // on both sides passes no difference on; its importers are analyzed only if they reach another one.
  const summarized = sources.filter((f) => base.has(f) && head.has(f) && graph.importedBy(f).some((i) => i !== f));
  // Summaries cost a program per side of the changed files and what they import: worth it only
  // when they can spare the analysis of many importers.
  const importers = cutoff && summarized.length ? [...graph.importersOf(summarized)].filter((f) => !changed.has(f)).length : 0;
  const same = cutoff && summarized.length && importers >= cutoff.minDependents ? await cutoff.same(summarized, graph) : new Set<string>();
  const analyze = graph.importersOf(sources.filter((f) => !same.has(f)));
  for (const f of sources) analyze.add(f);
  const affected = same.size ? graph.importersOf(sources) : analyze;
  const cutOff = [...affected].filter((f) => !analyze.has(f)).length;
  const dependents = [...analyze].filter((f) => !changed.has(f)).length;
  // Changed files that are not sources (deleted on one side, `.prisma` schemas) are analyzed where they exist.
  for (const f of changed) analyze.add(f);
  const loaded = graph.programFor(analyze);
  const load = (side: SideTexts) => new Set([...loaded].filter((f) => side.has(f)));
  return { analyze, dependents, cutOff, load: { base: load(base), head: load(head) } };
}
