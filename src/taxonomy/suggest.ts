/**
 * "Did you mean" for mistyped category keys. Distance is an edit distance over dot-separated segments:
 * - replacing a segment costs its normalised character distance (a typo costs little, another word
 *   about 1), and only 0.25 when one segment is a word of the other (`health` in `health_and_medical`);
 * - a level the input lacks costs 0.6: people mostly drop a level (`user.email` for `user.contact.email`);
 * - a level the candidate lacks costs 1: dropping what the user wrote loses their meaning.
 */

const MISSING_LEVEL = 0.6;
const DROPPED_SEGMENT = 1;
const PARTIAL_WORD = 0.25;

/** Levenshtein distance between two strings. */
export function charDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function segmentCost(a: string, b: string): number {
  if (a === b) return 0;
  if (!a || !b) return 1;
  const wordsA = a.split('_');
  const wordsB = b.split('_');
  if (a.startsWith(b) || b.startsWith(a) || wordsA.includes(b) || wordsB.includes(a)) return PARTIAL_WORD;
  return charDistance(a, b) / Math.max(a.length, b.length);
}

/** Distance from what the user wrote (`a`) to an existing key (`b`). */
export function keyDistance(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j * MISSING_LEVEL);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i * DROPPED_SEGMENT];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + DROPPED_SEGMENT, cur[j - 1] + MISSING_LEVEL, prev[j - 1] + segmentCost(x[i - 1], y[j - 1]));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** Up to `limit` keys closest to `key`, best first; only keys close enough to be a plausible intent. */
export function closestKeys(key: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = key.trim().toLowerCase();
  if (!wanted) return [];
  // Half a segment of error per segment written: `foo` suggests nothing rather than `user`.
  const bound = wanted.split('.').length * 0.5;
  const scored: { key: string; d: number }[] = [];
  for (const c of candidates) {
    if (c === key) continue;
    const d = keyDistance(wanted, c);
    if (d <= bound) scored.push({ key: c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.key.length - b.key.length || a.key.localeCompare(b.key));
  return scored.slice(0, limit).map((s) => s.key);
}
