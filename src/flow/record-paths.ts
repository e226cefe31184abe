import { ts } from '#ts-morph';
import { words } from './sanitizers.js';

/**
 * An id that names a record of the collection it follows in a relative request path:
 * `/contactBooks/${contactBookId}/contacts/${contactId}`, `/users/${user.id}`. A relative path goes
 * to the API the client is configured for, the API that issued the record and its id: the id
 * discloses nothing of its own there (the request body still may, and is followed as usual).
 * An absolute URL to another host, or an id that is not the collection's (`/reports/${userId}`), is
 * not such a segment.
 */
export function isRecordIdSegment(template: ts.TemplateExpression, spanIndex: number): boolean {
  if (!template.head.text.startsWith('/')) return false;
  const before = spanIndex === 0 ? template.head.text : template.templateSpans[spanIndex - 1].literal.text;
  const collection = /\/([A-Za-z][\w-]*)\/$/.exec(before)?.[1];
  if (!collection) return false;
  const noun = idNoun(template.templateSpans[spanIndex].expression);
  return noun !== undefined && singular(words(collection)).join('_') === noun;
}

/** `contactId` → `contact`, `contact.id` → `contact`, `book.contactId` → `contact`. */
function idNoun(expr: ts.Expression): string | undefined {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
  if (!name) return undefined;
  const w = words(name);
  if (w.length >= 2 && w[w.length - 1] === 'id') return singular(w.slice(0, -1)).join('_');
  if (w.length === 1 && w[0] === 'id' && ts.isPropertyAccessExpression(e)) {
    const owner = e.expression;
    const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : undefined;
    return ownerName ? singular(words(ownerName)).join('_') : undefined;
  }
  return undefined;
}

/** The last word singular: `contacts` → `contact`, `addresses` → `address`, `books` → `book`. */
function singular(w: string[]): string[] {
  if (w.length === 0) return w;
  const last = w[w.length - 1];
  const one = /(?:ss|sh|ch|x|z)es$/.test(last)
    ? last.slice(0, -2)
    : /ies$/.test(last)
      ? `${last.slice(0, -3)}y`
      : /[^s]s$/.test(last)
        ? last.slice(0, -1)
        : last;
  return [...w.slice(0, -1), one];
}
