import type { Review } from '../review/types.js';

/**
 * One sentence on which files the review analyzed, for the reviewer: an approval covers what was
 * looked at, so a review of the changed files says so, and says what only a full review lists.
 */
export function describeScope(review: Review): string | undefined {
  const scope = review.stats.scope;
  if (!scope) return undefined;
  if (scope.mode === 'full') return scope.reason ? `Analyzed every file on both sides: ${scope.reason}.` : undefined;
  const changed = scope.changed === 1 ? 'changed file' : `${scope.changed} changed files`;
  const them = scope.changed === 1 ? 'it' : 'them';
  const dependents = scope.dependents
    ? ` and the ${scope.dependents === 1 ? `file that imports ${them}` : `${scope.dependents} files that import ${them}`}`
    : '';
  const cutOff = scope.cutOff
    ? ` ${scope.cutOff === 1 ? 'One file that imports' : `${scope.cutOff} files that import`} ${them} ${scope.cutOff === 1 ? 'was' : 'were'} not analyzed: what ${scope.cutOff === 1 ? 'it uses' : 'they use'} of the changed ${scope.changed === 1 ? 'file' : 'files'} (types, what functions return and send, clients) is the same on both sides.`
    : '';
  return `Analyzed the ${changed}${dependents}; no other file's findings can change.${cutOff} Unchanged findings elsewhere and stale declarations are listed by a full review (\`privacy-review review --full\`).`;
}
