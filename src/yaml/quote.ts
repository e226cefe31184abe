/** A value longer than this is cut in messages, with "…": a message is one readable line. */
export const MAX_QUOTED_CHARS = 80;

/**
 * Characters that break a line (LF, CR, NEL, U+2028, U+2029) or fool a terminal or a reader (other
 * C0 and C1 controls such as ESC, bidirectional overrides).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A value from a file as a message shows it: JSON-quoted, so that a newline reads `\n` and the
 * message stays on one line, and cut to MAX_QUOTED_CHARS. An ordinary string is itself in double
 * quotes, as messages always showed it.
 */
export function quote(value: unknown): string {
  if (typeof value === 'string') return escapeUnsafe(JSON.stringify(cut(value)));
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // a bigint, or a structure that contains itself
  }
  return escapeUnsafe(cut(json ?? String(value)));
}

/** Text from a file for the middle of a message, without quotes: escaped and cut like quote(). */
export function inline(text: string): string {
  return oneLine(cut(text));
}

/** A message that may hold text from a file (the `yaml` library's, V8's): line breaks and controls escaped, nothing cut. */
export function oneLine(text: string): string {
  return escapeUnsafe(text);
}

function cut(text: string): string {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  // never split a surrogate pair
  const end = isHighSurrogate(text.charCodeAt(MAX_QUOTED_CHARS - 1)) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
