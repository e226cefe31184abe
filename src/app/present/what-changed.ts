import { code } from '../../render/escape.js';
import type { Review } from '../../review/types.js';
import { askedId } from '../approval/ledger.js';
import { askedFindings } from './asked.js';

const MAX_LISTED = 5;

/**
 * Why an approval given for an earlier fingerprint no longer applies, from the findings that
 * review asked about (recorded in its check run) and the ones asked about now.
 */
export function whatChanged(approvedAsked: readonly string[] | undefined, review: Review): string {
  if (!approvedAsked) return 'the review has changed since (the approved review recorded no details)';
  const before = new Set(approvedAsked);
  const now = askedFindings(review);
  const nowIds = new Set(now.map((r) => askedId(r.finding.id)));
  const added = now.filter((r) => !before.has(askedId(r.finding.id)));
  const gone = [...before].filter((id) => !nowIds.has(id)).length;
  const parts: string[] = [];
  if (added.length) {
    const listed = added
      .slice(0, MAX_LISTED)
      .map(
        (r) =>
          `${r.finding.rule} in ${code(`${r.finding.file}:${r.finding.line}`)}${r.finding.sink ? ` (${code(r.finding.sink.id)})` : ''}`,
      );
    const more = added.length > MAX_LISTED ? ` and ${added.length - MAX_LISTED} more` : '';
    parts.push(`${added.length === 1 ? '1 new finding' : `${added.length} new findings`} to review: ${listed.join(', ')}${more}`);
  }
  if (gone) parts.push(`${gone === 1 ? '1 finding it covered is' : `${gone} findings it covered are`} gone`);
  if (!parts.length) parts.push('the data-flow manifest changed');
  return parts.join('; ');
}
