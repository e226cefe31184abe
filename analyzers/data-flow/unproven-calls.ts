import { ts } from '#ts-morph';
import type { SinkMatch } from '../../src/sinks/types.js';
import { skipOuter } from '../../src/ts/syntax.js';

/**
 * Which calls of a catalogued vendor are reported when no personal data is proven at them (a
 * low-severity finding, so that every vendor is declared). Vendors that receive the users' content
 * (AI models, mail, messages, uploads) are: what they get is personal more often than not. Rows
 * here narrow that by service kind, where the calls carry the vendor's own objects unless data is
 * proven:
 *   'never'      no unproven finding (payments: customer, subscription and price ids, amounts);
 *   [methods]    only these methods, the ones that link a person (analytics: `identify`, not each
 *                anonymous `capture` event).
 */
export const UNPROVEN_CALLS: Readonly<Record<string, 'never' | readonly string[]>> = {
  payments: 'never',
  analytics: [
    'identify',
    'alias',
    'setPersonProperties',
    'setPersonPropertiesForFlags',
    'set',
    'set_once',
    'setOnce',
    'setUserId',
    'setUserProperties',
    'setUser',
    'register',
    'register_once',
    'init',
    'people.set',
    'people.set_once',
    'reset',
  ],
};

/** Whether a vendor call without proven personal data is still reported. */
export function reportsUnproven(match: SinkMatch): boolean {
  // `setUserId(null)`, `setUserProperties({})`: clearing what the vendor holds sends nothing.
  if (match.dataArgs.length > 0 && match.dataArgs.every(isEmptyLiteral)) return false;
  const rule = match.sink.service ? UNPROVEN_CALLS[match.sink.service] : undefined;
  if (rule === undefined) return true;
  if (rule === 'never') return false;
  const method = methodOf(match);
  return method !== undefined && rule.some((m) => m === method || m.endsWith(`.${method}`));
}

/** The called method: the last name of the callee's origin, else of the description (`posthog capture`). */
function methodOf(match: SinkMatch): string | undefined {
  const path = match.origin?.path.filter((s) => s !== '()' && s !== 'new' && s !== 'default');
  const last = path?.[path.length - 1] ?? match.description.split(/[\s.]/).pop();
  return last || undefined;
}

function isEmptyLiteral(arg: ts.Expression): boolean {
  const e = skipOuter(arg);
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return true;
  return (ts.isObjectLiteralExpression(e) && e.properties.length === 0) || (ts.isArrayLiteralExpression(e) && e.elements.length === 0);
}
