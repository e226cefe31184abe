/**
 * No misspelling of a key is longer than this. An edit distance is quadratic in the length: a long
 * value from a hostile file gets no suggestion instead of seconds of work.
 */
export const MAX_SUGGESTION_INPUT = 100;

/**
 * The closest allowed word to a misspelt one, for "did you mean" hints: same letters ignoring case
 * and `-`/`_` first (`max_file_bytes` → `maxFileBytes`), then the smallest edit distance within a
 * third of the word's length (`excludes` → `exclude`, `hgih` → `high`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_SUGGESTION_INPUT) return undefined;
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const exact = candidates.find((c) => norm(c) === norm(word));
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const bound = Math.max(1, Math.floor(Math.max(word.length, c.length) / 3));
    // the distance is at least the difference in length: skip the quadratic computation when that is already too far
    if (Math.abs(word.length - c.length) > bound) continue;
    const d = distance(norm(word), norm(c));
    if (d <= bound && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`hgih` is one step from `high`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}
