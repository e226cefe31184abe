import { ts } from '#ts-morph';

/** Small syntactic helpers shared by the extractors. */

/** Text of a property name that is written out (identifier, string or numeric literal, `#private`). */
export function propertyName(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text.slice(1);
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** Value of `key: value` in an object literal. */
export function propertyValue(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key) return p.initializer;
  }
  return undefined;
}

export function stringValue(e: ts.Expression | undefined): string | undefined {
  return e && ts.isStringLiteralLike(e) ? e.text : undefined;
}

export interface ChainCall {
  name: string;
  args: readonly ts.Expression[];
  node: ts.CallExpression;
}

/**
 * A call chain read from the outside in: `z.string().email().optional()` gives calls
 * `optional, email, string` and root `z`; `t.text('email').notNull()` gives `notNull, text` and root `t`.
 */
export function readChain(expr: ts.Expression): { calls: ChainCall[]; root?: ts.Identifier } {
  const calls: ChainCall[] = [];
  let e: ts.Expression = expr;
  for (let i = 0; i < 32; i++) {
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isPropertyAccessExpression(callee)) calls.push({ name: callee.name.text, args: e.arguments, node: e });
      else if (ts.isIdentifier(callee)) calls.push({ name: callee.text, args: e.arguments, node: e });
      e = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    } else if (ts.isPropertyAccessExpression(e)) {
      e = e.expression;
    } else if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) {
      e = e.expression;
    } else break;
  }
  return { calls, root: ts.isIdentifier(e) ? e : undefined };
}

/** Steps from an expression up to the declaration that names it; each is transparent to naming. */
function isTransparent(n: ts.Node): boolean {
  return (
    ts.isCallExpression(n) ||
    ts.isNewExpression(n) ||
    ts.isPropertyAccessExpression(n) ||
    ts.isParenthesizedExpression(n) ||
    ts.isAsExpression(n) ||
    ts.isSatisfiesExpression(n) ||
    ts.isNonNullExpression(n) ||
    ts.isAwaitExpression(n) ||
    ts.isArrayLiteralExpression(n) ||
    (ts.isBinaryExpression(n) && n.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
  );
}

/**
 * The name a schema expression is given: `const UserSchema = z.object(...)` → `UserSchema`,
 * `signup: procedure.input(z.object(...))` → `signup`, `exports.User = ...` → `User`. `namedBy` may
 * name it from an enclosing call on the way up (mongoose `model('User', new Schema(...))`).
 */
export function bindingNameOf(node: ts.Node, namedBy?: (call: ts.CallExpression) => string | undefined): string | undefined {
  let n: ts.Node = node;
  for (let i = 0; i < 8 && n.parent; i++) {
    const p: ts.Node = n.parent;
    if (ts.isVariableDeclaration(p)) return ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return propertyName(p.name);
    if (ts.isExportAssignment(p)) return 'default';
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = p.left;
      if (ts.isIdentifier(left)) return left.text;
      if (ts.isPropertyAccessExpression(left)) return left.name.text === 'exports' ? 'default' : left.name.text;
      return undefined;
    }
    if (namedBy && ts.isCallExpression(p)) {
      const named = namedBy(p);
      if (named) return named;
    }
    if (!isTransparent(p)) return undefined;
    n = p;
  }
  return undefined;
}
