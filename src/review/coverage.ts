import type { Taxonomy } from '../taxonomy/taxonomy.js';

/**
 * Categories of `wanted` that no declared key covers (a key covers itself and its descendants).
 * PCI sensitive authentication data (card security codes, PINs, track data) is never covered: it may
 * not be stored or logged at all, so no declaration, however broad, can make it acceptable.
 */
export function uncovered(wanted: readonly string[], declared: readonly string[], taxonomy: Taxonomy): string[] {
  return wanted.filter((c) => taxonomy.isPciSad(c) || !declared.some((d) => taxonomy.isWithin(c, d)));
}
