import { escape, truncate, withCode } from '../report/markdown.js';

/**
 * Escaping for the PR checklist. Everything taken from code (file names, messages, symbols, sink ids,
 * trace notes, manifest ids) is attacker-controlled in a pull request from a fork, so it goes through
 * one of these before it reaches the Markdown: the scan report's `escape`/`withCode`, plus
 * neutralisation of what GitHub links after rendering (mentions ping people, `#123` references issues).
 */

/** Zero-width space as an entity: breaks `@team` and `#123` for GitHub's filters, invisible to readers. */
const ZWSP = '&#8203;';

/**
 * GitHub turns `@user`, `@org/team`, `#123` and bare URLs in rendered text into mentions, issue
 * references and links, after Markdown (a backslash does not stop it). A zero-width space after the
 * trigger does, the way Renovate and Dependabot quote handles. Only for text outside code spans and
 * code blocks, where entities are not decoded (and GitHub links nothing anyway).
 */
export function neutralize(text: string): string {
  // One pass, so the `#` of an inserted `&#8203;` is never taken for an issue reference.
  return text.replace(TRIGGERS, breakTrigger);
}

const TRIGGERS = /@(?=[A-Za-z0-9_-])|#(?=\d)|:\/\/|\bwww\./gi;

function breakTrigger(m: string): string {
  return m === '://' ? `:${ZWSP}//` : m.length === 4 ? `${m.slice(0, 3)}${ZWSP}.` : `${m}${ZWSP}`;
}

/** Plain text from code as literal, inert Markdown. */
export function md(text: string, max = 300): string {
  return neutralize(escape(truncate(oneLine(text), max)));
}

/** A message that quotes code in backticks: spans stay code, the rest is escaped and neutralised. */
export function mdCode(text: string, max = 300): string {
  return withCode(truncate(oneLine(text), max), (part) => neutralize(escape(part)));
}

/** For text inside raw HTML (`<summary>`), where Markdown escapes are not processed. */
export function html(text: string, max = 200): string {
  // Entities and neutralisation in one pass: neither may rewrite what the other wrote.
  return truncate(oneLine(text), max).replace(new RegExp(`[&<>"']|${TRIGGERS.source}`, 'gi'), (m) => HTML_ENTITIES[m] ?? breakTrigger(m));
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * An inline code span that holds any text: its backtick fence is longer than any run of backticks in
 * the text (CommonMark), padded when the text starts or ends with one. Not for table cells (a pipe
 * would split the cell); the checklist keeps text from code out of tables.
 */
export function code(text: string, max = 200): string {
  const content = truncate(oneLine(text), max);
  if (!content) return '`\u00a0`';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A fenced code block for any text: the fence is longer than every backtick run in the text, so
 * nothing in it can close the block. Ends with a newline after the closing fence's line.
 */
export function codeBlock(lang: string, text: string): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const info = lang.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/** Every line indented by `spaces` (to nest a block under a list item). Blank lines stay empty. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

export function oneLine(text: string): string {
  return String(text).replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ');
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
