import { initManifest } from '../../manifest/init.js';
import { codeBlock } from '../../render/escape.js';
import type { ScanResult } from '../../core/contract.js';
import type { Review } from '../../review/types.js';
import { TOOL_VERSION } from '../../engine/version.js';

/** A starter manifest longer than this is not inlined; the comment says how to make it locally. */
export const MAX_STARTER = 16_000;

/**
 * For a repository without a data-flow manifest: what `privacy-review manifest init` would write
 * for the head commit, in a collapsed block, so that declaring is copy, edit and commit.
 */
export function starterManifest(review: Review, systemName: string): string | undefined {
  if (review.manifest.present) return undefined;
  const head = review.findings.filter((r) => r.status !== 'fixed').map((r) => r.finding);
  const file = review.manifest.file;
  const how = `Run \`npx privacy-review manifest init\` in the repository and commit the result as \`${file}\`.`;
  if (!head.length) return undefined;
  const scanLike: ScanResult = {
    version: 1,
    tool: { name: 'privacy-review', version: TOOL_VERSION },
    root: '.',
    findings: head,
    skipped: [],
    errors: [],
    stats: {
      files: review.stats.headFiles,
      lines: 0,
      durationMs: 0,
      findings: head.length,
      suppressed: 0,
      byRule: { 'pii-field': 0, 'pii-logging': 0, 'data-flow': 0 },
    },
  };
  let yaml: string;
  try {
    yaml = initManifest(scanLike, { systemName });
  } catch {
    return `**No data-flow manifest yet.** ${how}`;
  }
  const block = `<details><summary>No data-flow manifest yet: a starter for <code>${file.replace(/[<>&"]/g, '')}</code> (<code>privacy-review manifest init</code>)</summary>\n\n${how} Fill in the TODOs.\n\n${codeBlock('yaml', yaml)}\n\n</details>`;
  return block.length <= MAX_STARTER ? block : `**No data-flow manifest yet.** ${how}`;
}
