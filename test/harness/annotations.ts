import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

/**
 * Semgrep-style fixture annotations, written on the line(s) before the code they describe:
 *   // expect: pii-logging user.contact.email, user.name   exact category set
 *   // expect: pii-logging user.contact.email ...          at least these categories
 *   // expect: data-flow[segment] user.contact.email       with sink id
 *   // expect-suppressed: pii-logging user.contact.email   finding present but suppressed
 *   // ok: pii-logging                                     no finding of that rule on that line
 * An annotation applies to the next line that is not a comment or blank.
 */
export interface Expectation {
  file: string;
  /** Line of the code the annotation applies to. */
  line: number;
  /** Line of the annotation itself, for messages. */
  annotationLine: number;
  kind: 'expect' | 'expect-suppressed' | 'ok';
  rule: string;
  sinkId?: string;
  categories: string[];
  atLeast: boolean;
}

const ANNOTATION = /(?:\/\/|#|\/\*|\*)\s*(expect|expect-suppressed|ok):\s*([a-z-]+)(?:\[([^\]]+)\])?\s*(.*?)\s*(?:\*\/)?$/;

export function parseAnnotations(file: string, text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  let pending: Omit<Expectation, 'line'>[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const m = ANNOTATION.exec(line);
    if (m) {
      const rest = (m[4] ?? '').trim();
      const atLeast = rest.endsWith('...');
      const categories = rest
        .replace(/\.\.\.$/, '')
        .split(/[\s,]+/)
        .filter(Boolean);
      pending.push({ file, annotationLine: i + 1, kind: m[1] as Expectation['kind'], rule: m[2]!, sinkId: m[3], categories, atLeast });
      return;
    }
    if (line === '' || line.startsWith('//') || line.startsWith('/*') || line.startsWith('*') || line.startsWith('#')) return;
    for (const p of pending) out.push({ ...p, line: i + 1 });
    pending = [];
  });
  return out;
}

export async function readAnnotations(root: string): Promise<Expectation[]> {
  const files = await glob(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,prisma}'], { cwd: root, ignore: ['**/node_modules/**'] });
  const all: Expectation[] = [];
  for (const rel of files.sort()) {
    all.push(...parseAnnotations(rel, await fs.readFile(path.join(root, rel), 'utf8')));
  }
  return all;
}
