/** Origin-path normalization and catalogue path patterns (the matching rule is documented in catalog-types.ts). */

export const CALL = '()';
export const NEW = 'new';
export const CALLBACK = '=>';
export const COMPUTED = '[]';

const STRUCTURAL = new Set([CALL, NEW, CALLBACK, COMPUTED]);

export interface PathPattern {
  segments: readonly string[];
  exact: boolean;
  /** Last segment (`''` for the empty pattern): the index key. */
  key: string;
  /** Original text, for descriptions and errors. */
  text: string;
}

/** Drops `new` and `default`: constructing a client or importing the default export changes nothing. */
export function normalizePath(path: readonly string[]): string[] {
  return path.filter((s) => s !== NEW && s !== 'default');
}

export function parsePattern(text: string): PathPattern {
  const exact = text.startsWith('^');
  const body = exact ? text.slice(1) : text;
  const segments: string[] = [];
  if (body !== '') {
    for (const part of body.split('.')) {
      if (part === CALL || part === COMPUTED || part === CALLBACK) segments.push(part);
      else if (part.endsWith('()') && part.length > 2) segments.push(part.slice(0, -2), CALL);
      else if (part === '' || /[()\s]/.test(part)) throw new Error(`Invalid sink path pattern '${text}'`);
      else segments.push(part);
    }
  }
  const key = segments.length ? segments[segments.length - 1] : '';
  if (key === '*') throw new Error(`Sink path pattern '${text}' cannot end with '*'`);
  // An empty pattern only makes sense anchored: "the package itself is called".
  return { segments, exact: exact || segments.length === 0, key, text };
}

/** Does the pattern match (a suffix of, or with `^` the whole of) the normalized path? */
export function matchPattern(pattern: PathPattern, normalized: readonly string[]): boolean {
  const seg = pattern.segments;
  if (pattern.exact ? normalized.length !== seg.length : normalized.length < seg.length) return false;
  const offset = normalized.length - seg.length;
  for (let i = 0; i < seg.length; i++) {
    const want = seg[i];
    const got = normalized[offset + i];
    if (want === '*' ? STRUCTURAL.has(got) : want !== got) return false;
  }
  return true;
}

/** `['producer', '()', 'send']` → `producer().send`. */
export function renderPath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) {
    if (s === CALL) out += '()';
    else if (s === COMPUTED) out += '[]';
    else if (s === CALLBACK) out += '(=>)';
    else out += (out ? '.' : '') + s;
  }
  return out;
}
