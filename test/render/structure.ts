/**
 * What "the Markdown is not broken" means for the checklist, checked line by line the way CommonMark
 * reads fences: every code fence closed, every `<details>` closed outside code, and nothing from code
 * reaching the rendered text as live HTML or a mention.
 */
export interface Structure {
  /** The fence still open at the end, if any. */
  openFence: string | undefined;
  /** `<details>` opened minus closed, outside code blocks. */
  details: number;
  /** Lines outside code blocks (where Markdown and HTML are live). */
  prose: string[];
  /** Contents of the code blocks, by info string. */
  blocks: { info: string; body: string }[];
}

export function structure(markdown: string): Structure {
  let fence: string | undefined;
  let details = 0;
  const prose: string[] = [];
  const blocks: { info: string; body: string }[] = [];
  let body: string[] = [];
  let info = '';
  for (const line of markdown.split('\n')) {
    const m = /^ {0,5}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && m[2]!.trim() === '') {
        blocks.push({ info, body: body.join('\n') });
        fence = undefined;
      } else {
        body.push(line);
      }
      continue;
    }
    // A backtick fence's info string cannot hold a backtick; such a line is text.
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      fence = m[1];
      info = m[2]!.trim();
      body = [];
      continue;
    }
    prose.push(line);
    // In a code span a tag is text.
    const live = withoutSpans(line);
    details += (live.match(/<details[\s>]/g) ?? []).length - (live.match(/<\/details>/g) ?? []).length;
  }
  return { openFence: fence, details, prose, blocks };
}

/** Balanced fences and details; throws with the reason so a failing test says what broke. */
export function expectWellFormed(markdown: string): Structure {
  const s = structure(markdown);
  if (s.openFence) throw new Error(`code fence ${s.openFence} is never closed`);
  if (s.details !== 0) throw new Error(`<details> opened minus closed is ${s.details}`);
  return s;
}

/**
 * Prose without its code spans: what GitHub renders as text and HTML. Spans as CommonMark finds them:
 * a run of n unescaped backticks up to the next run of exactly n; a run without a partner is text.
 */
export function liveText(markdown: string): string {
  return structure(markdown).prose.map(withoutSpans).join('\n');
}

function withoutSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\' && i + 1 < line.length) {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    const run = /^`+/.exec(line.slice(i))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const end = close.exec(line);
    if (end) {
      i = end.index + run.length;
    } else {
      out += run;
      i += run.length;
    }
  }
  return out;
}
