import type { Taxonomy } from '../taxonomy/taxonomy.js';

/** Categories of `wanted` that no declared key covers (a key covers itself and its descendants). */
export function uncovered(wanted: readonly string[], declared: readonly string[], taxonomy: Taxonomy): string[] {
  return wanted.filter((c) => !declared.some((d) => taxonomy.isWithin(c, d)));
}
