import { cutToLength } from '../../render/limit.js';
import { COMMENT_MARKER, GITHUB_TEXT_LIMIT } from '../constants.js';
import { encodeLedger, type Ledger } from '../approval/ledger.js';
import type { AuditEntry } from '../approval/types.js';
import { auditTrail } from './approval-section.js';

/** What the analysis step prepared once per head commit (independent of approvals). */
export interface Prepared {
  /** The rendered checklist, short enough to go under the approval section. */
  checklist: string;
  /** For a repository without a manifest: a starter manifest block (already bounded). */
  starter?: string;
}

/** The sticky PR comment: marker, the App's approval section, the checklist, the starter manifest. */
export function commentBody(section: string, prepared: Prepared): string {
  return bounded(
    [COMMENT_MARKER, section, '', '---', '', prepared.checklist.trimEnd(), prepared.starter ? `\n${prepared.starter}` : '']
      .join('\n')
      .trimEnd() + '\n',
  );
}

/** The check run summary: the same without the marker and the starter manifest. */
export function checkSummary(section: string, prepared: Prepared): string {
  return bounded([section, '', '---', '', prepared.checklist.trimEnd()].join('\n').trimEnd() + '\n');
}

/** The check run text: the audit trail and, hidden, the ledger the App reads back on later events. */
export function checkText(audit: readonly AuditEntry[], ledger: Ledger, extra: readonly string[] = []): string {
  const hidden = encodeLedger(ledger);
  let trail = [auditTrail(audit), ...extra].join('\n\n');
  const room = GITHUB_TEXT_LIMIT - hidden.length - 2;
  if (trail.length > room) trail = `${trail.slice(0, room - 30)}\n\n_… shortened to fit._`;
  return `${trail}\n\n${hidden}`;
}

/** A safety net (the parts are sized to fit): cut without leaving a code fence or `<details>` open. */
function bounded(text: string): string {
  return cutToLength(text, GITHUB_TEXT_LIMIT);
}
