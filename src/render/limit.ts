/**
 * Markdown structure outside the templates' control: tidying blank lines, and the last-resort cut
 * that keeps a document under a length limit without leaving a code fence or `<details>` open.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Trailing spaces dropped and runs of blank lines collapsed, outside code blocks; one final newline. */
export function tidy(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let blank = 0;
  for (const raw of markdown.split('\n')) {
    const line = fence ? raw : raw.replace(/[ \t]+$/, '');
    const open = fenceChange(line, fence);
    if (!fence && line === '') {
      blank++;
      if (blank > 1 || out.length === 0) continue;
    } else {
      blank = 0;
    }
    out.push(line);
    fence = open;
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** The fence that is open after `line`, given the one open before it. */
function fenceChange(line: string, open: string | undefined): string | undefined {
  const m = FENCE.exec(line);
  if (!open) return m ? m[1] : undefined;
  // A closing fence: same character, at least as long, nothing after it.
  if (m && m[1][0] === open[0] && m[1].length >= open.length && line.trim() === m[1]) return undefined;
  return open;
}

/** Open code fence and `<details>` depth at the end of `markdown`. */
export function openBlocks(markdown: string): { fence: string | undefined; details: number } {
  let fence: string | undefined;
  let details = 0;
  for (const line of markdown.split('\n')) {
    const wasFence = fence;
    fence = fenceChange(line, fence);
    if (wasFence || fence) continue;
    details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
  }
  return { fence, details: Math.max(0, details) };
}

const CUT_NOTE = '_… cut to fit the size limit._';

/**
 * At most `max` characters: whole lines from the start, then whatever closes the fence and the
 * `<details>` still open there, then a note. Used only when even the smallest checklist is too long.
 */
export function cutToLength(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let details = 0;
  let size = 0;
  let best = '';
  for (const line of lines) {
    const wasFence = fence;
    fence = fenceChange(line, fence);
    if (!wasFence && !fence) details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
    size += line.length + 1;
    if (size > max) break;
    // Closing a fence needs a line; `</details>` needs a blank line before it to end the Markdown.
    const closers = `${fence ? `${fence}\n` : ''}${'\n</details>\n'.repeat(Math.max(0, details))}`;
    const withNote = `${markdown.slice(0, size)}${closers}\n${CUT_NOTE}\n`;
    // Later cut points may close more blocks, so a longer prefix can still fit: keep looking.
    if (withNote.length <= max) best = withNote;
  }
  if (best) return best;
  return CUT_NOTE.length + 1 <= max ? `${CUT_NOTE}\n` : '';
}
