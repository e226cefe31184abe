import type { ts } from '#ts-morph';
import type { DiscoveredFile } from './discover.js';
import { ImportGraph } from './imports.js';

/** One TypeScript program of a scan: the files it loads, and those of them it analyzes. */
export interface ProgramPart {
  load: DiscoveredFile[];
  analyze: DiscoveredFile[];
}

/** Files analyzed per program in a large scan (default of `filesPerProgram`). */
export const FILES_PER_PROGRAM = 1500;

/** When one part's program would load more than this share of the files anyway, the rest is one program. */
const MOSTLY_EVERYTHING = 0.6;

/**
 * Split a large scan into programs of bounded size: each analyzes up to `perProgram` files (in path
 * order, so a directory's files share a program) and loads what they import plus the files that
 * declare globals. A file's findings depend on nothing else (the review's fast path rests on the
 * same fact, and a test holds both to the whole-program findings), so the findings are the same
 * while peak memory follows the largest part, not the repository. When imports tie most files
 * together (a barrel everyone imports), splitting would only parse them again: one program then.
 */
export function partition(all: readonly DiscoveredFile[], analyzed: readonly DiscoveredFile[], options: ts.CompilerOptions, root: string, perProgram: number): ProgramPart[] {
  if (analyzed.length <= perProgram * 1.5) return [{ load: [...all], analyze: [...analyzed] }];
  const graph = new ImportGraph(new Map(all.map((f) => [f.relative, [f.text]])), options, root);
  const parts: ProgramPart[] = [];
  for (let start = 0; start < analyzed.length; start += perProgram) {
    const analyze = analyzed.slice(start, start + perProgram);
    const loaded = graph.programFor(analyze.map((f) => f.relative));
    if (loaded.size > all.length * MOSTLY_EVERYTHING) return [...parts, { load: [...all], analyze: analyzed.slice(start) }];
    parts.push({ load: all.filter((f) => loaded.has(f.relative)), analyze });
  }
  return parts;
}
