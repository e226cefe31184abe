import { ts } from '#ts-morph';
import { skipOuter } from '../ts/syntax.js';

/** Calls that make a fresh value: a timestamp, a random number, a generated id. */
const GENERATORS =
  /^(?:now|getTime|random|randomUUID|randomBytes|uuid|uuidv4|v4|v7|nanoid|cuid|cuid2|createId|ulid|generateUUID|generateId|generateUuid)$/;

/**
 * A value the code makes up from constants and a timestamp or a random id (`guest-${Date.now()}`,
 * `` `anon_${nanoid()}@example.invalid` ``): a synthetic placeholder, whatever the variable is named
 * (`const email = ...` of a guest account is no person's address).
 */
export function isSynthetic(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  if (!ts.isTemplateExpression(e)) return false;
  return e.templateSpans.every((s) => isGenerated(s.expression));
}

/** Names of what a kept random id identifies: a client, a device, a visitor, an installation. */
const CLIENT_WORDS = /client|device|visitor|anon|install|browser|distinct|tracking|machine|user/i;

/**
 * `const newClientId = nanoid(); localStorage.setItem(CLIENT_ID_KEY, newClientId)`: a random id that
 * the code generates (directly or through a variable set once) and names as a client's, device's or
 * visitor's, by the variable or the storage key. Returns the generating expression.
 */
export function generatedClientId(
  value: ts.Expression,
  key: ts.Expression | undefined,
  checker: ts.TypeChecker,
): ts.Expression | undefined {
  let e = skipOuter(value);
  let named = key !== undefined && CLIENT_WORDS.test(key.getText());
  if (ts.isIdentifier(e)) {
    named ||= CLIENT_WORDS.test(e.text);
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const))
      return undefined;
    e = skipOuter(decl.initializer);
  }
  return named && isGenerated(e) ? e : undefined;
}

function isGenerated(expr: ts.Expression): boolean {
  let e = skipOuter(expr);
  // `.toString(36)`, `.slice(0, 8)` of a generated value
  while (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    /^(?:toString|slice|substring|toLowerCase|replace|replaceAll)$/.test(e.expression.name.text)
  ) {
    const inner = skipOuter(e.expression.expression);
    if (!ts.isCallExpression(inner)) break;
    e = inner;
  }
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuter(e.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && GENERATORS.test(name);
}
