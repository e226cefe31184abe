import type { ts } from '#ts-morph';
import type { DiscoveredFile } from './discovered-files.js';
import { ImportGraph } from './imports.js';

/** One TypeScript program of a scan: the files it loads, and those of them it analyzes. */
export interface ProgramPart {
  load: DiscoveredFile[];
  analyze: DiscoveredFile[];
}

/**
 * Most files analyzed per program in a large scan (default of `filesPerProgram`). Fewer, larger
 * parts are faster (each program warms its own checker up): 5,000 files in 2 parts take 0.88 of
 * the time of 3 parts (8 interleaved runs), and peak at about 430 MiB instead of 345 (files are
 * bound lazily and the previous part is collected before the next is built, scan.ts).
 */
export const FILES_PER_PROGRAM = 2500;

/** When one part's program would load more than this share of the files anyway, the rest is one program. */
const MOSTLY_EVERYTHING = 0.6;

/**
 * Split a large scan into programs of bounded size: parts of equal size analyze up to `perProgram`
 * files each (in path order, so a directory's files share a program) and load what they import
 * plus the files that declare globals. A file's findings depend on nothing else (the review's fast
 * path rests on the same fact, and a test holds both to the whole-program findings), so the
 * findings are the same while peak memory follows the largest part, not the repository. When
 * imports tie most files together (a barrel everyone imports), splitting would only parse them
 * again: one program then.
 */
export function partition(
  all: readonly DiscoveredFile[],
  analyzed: readonly DiscoveredFile[],
  options: ts.CompilerOptions,
  root: string,
  perProgram: number,
  /** The import graph of `all` (or of more files), when the caller has built it already. */
  known?: ImportGraph,
): ProgramPart[] {
  if (analyzed.length <= perProgram * 1.5) return [{ load: [...all], analyze: [...analyzed] }];
  const graph = known ?? new ImportGraph(new Map(all.map((f) => [f.relative, [f.text]])), options, root);
  const parts: ProgramPart[] = [];
  // Equal parts (6,000 files: 3 x 2,000, not 2,500 + 2,500 + 1,000): peak memory follows the largest.
  const size = Math.ceil(analyzed.length / Math.ceil(analyzed.length / perProgram));
  for (let start = 0; start < analyzed.length; start += size) {
    const analyze = analyzed.slice(start, start + size);
    const loaded = graph.programFor(analyze.map((f) => f.relative));
    if (loaded.size > all.length * MOSTLY_EVERYTHING) return [...parts, { load: [...all], analyze: analyzed.slice(start) }];
    parts.push({ load: all.filter((f) => loaded.has(f.relative)), analyze });
  }
  return parts;
}
