import { CST, Lexer } from 'yaml';

/** Lexer tokens that start a value (scalar, alias, flow collection) or an entry (`-`, `?`, `:`). */
const COUNTED = new Set<string>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'flow-seq-start',
  'flow-map-start',
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
]);
/** Tokens the lexer adds that are not in the source, so do not move the offset. */
const MARKERS = new Set<string>(['doc-mode', 'scalar', 'flow-error-end']);

/**
 * The offset of the first value or entry token past `limit`, or undefined when there are at most
 * `limit`. Lexing is a fraction of the cost of parsing and stops at the limit, so a document far
 * over it is refused without ever being built.
 */
export function offsetPastTokenLimit(text: string, limit: number): number | undefined {
  let count = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type && COUNTED.has(type) && ++count > limit) return offset;
    if (!type || !MARKERS.has(type)) offset += token.length;
  }
  return undefined;
}
