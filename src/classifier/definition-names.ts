import { CONFIG_TYPE_WORDS } from './data/words.js';

/**
 * Head nouns of a shape that defines a selection of people rather than holding anyone's data: a
 * segment's `filters`, a query's `where`, a rule's `conditions`. `personIdentifier: 'userId'` in a
 * segment filter names the attribute the filter targets; `email` in a saved filter names a column.
 */
const SELECTION_HEADS: ReadonlySet<string> = new Set([
  'filter',
  'filters',
  'where',
  'query',
  'criteria',
  'criterion',
  'condition',
  'conditions',
  'predicate',
  'predicates',
]);

/** Words after the head that name the declaration, not what it is (`FilterInput`, `QueryDto`); not `QueryResponse`, which holds a result. */
const DECLARATION_SUFFIXES: ReadonlySet<string> = new Set(['dto', 'input', 'schema', 'type', 'types', 'interface', 'args', 'params']);

/** The last word that is not a declaration suffix: `TSegmentFilterInput` → `filter`. */
function headOf(tokens: readonly string[]): string | undefined {
  let end = tokens.length;
  while (end > 1 && DECLARATION_SUFFIXES.has(tokens[end - 1])) end--;
  return tokens[end - 1];
}

/** A type or field whose head noun is a selection (`TSegmentFilter`, `filters`, `UserQuery`, `where`). */
export function isSelectionName(tokens: readonly string[]): boolean {
  const head = headOf(tokens);
  return head !== undefined && SELECTION_HEADS.has(head);
}

/** A type that configures an input or feature (`ToggleInputConfig`, `FieldOptions`): the field it types holds no one's data. */
export function isConfigTypeName(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && CONFIG_TYPE_WORDS.has(last);
}
