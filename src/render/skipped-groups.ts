import type { SkippedFile } from '../core/contract.js';

/** One reason for skipping files, with the files it covers (in path order). */
export interface SkippedGroup {
  reason: string;
  files: string[];
}

/** Skips a project chose (its configuration, tests out of scope, declarations, generated code): not gaps in the review. */
const BY_POLICY = [
  /out of scope by default/,
  /^excluded by the configuration/,
  /^ignored by /,
  /^type declaration file/,
  /^generated file/,
  /^minified bundle/,
  /^compiled output/,
];

/**
 * Skipped files grouped by reason, so that 700 test files are one line and a file skipped because
 * it is too large or unreadable (a real gap: its findings are not part of the review) stands out:
 * those groups come first, then the project's own exclusions, each by size.
 */
export function groupSkipped(skipped: readonly SkippedFile[]): SkippedGroup[] {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) {
    const files = byReason.get(s.reason);
    if (files) files.push(s.file);
    else byReason.set(s.reason, [s.file]);
  }
  const policy = (reason: string) => BY_POLICY.some((p) => p.test(reason));
  return [...byReason]
    .map(([reason, files]) => ({ reason, files: files.sort() }))
    .sort(
      (a, b) => Number(policy(a.reason)) - Number(policy(b.reason)) || b.files.length - a.files.length || a.reason.localeCompare(b.reason),
    );
}

/** "694 files", "29 directories": what a group counts. */
export function countOf(g: SkippedGroup): string {
  const noun = g.reason.startsWith('directory') ? 'directories' : 'files';
  return `${g.files.length.toLocaleString('en-US')} ${noun}`;
}
