import { ts } from '#ts-morph';

/** Strips wrappers that do not change the value: parens, `as`, `!`, `satisfies`, `<T>x`, `await`. */
export function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isAwaitExpression(e)
    ) {
      e = e.expression;
    } else {
      return e;
    }
  }
}

/** A string literal or a template without substitutions: text known, carries no runtime data. */
export function isPlainString(expr: ts.Expression): expr is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr);
}

/** Text of a property name when it is static (`a`, `'a'`, `1`, `#a`), else undefined. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.MemberName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && isPlainString(name.expression)) return name.expression.text;
  return undefined;
}

/** Node `node:fs` and bare `fs` are the same module. */
export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** `pino`, `@scope/pkg/sub`, `node:fs`: a package name, not a relative or absolute path. */
export function isBareSpecifier(specifier: string): boolean {
  return specifier !== '' && !specifier.startsWith('.') && !specifier.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(specifier);
}

/** `null`, `undefined`, `void 0`: initial values that say nothing about a variable's origin. */
export function isNullish(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || ts.isVoidExpression(e);
}

/** Assignment operators that store the right side into the left (`=`, `??=`, `||=`, `+=`). */
export function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  if (!ts.isBinaryExpression(node)) return false;
  const k = node.operatorToken.kind;
  return (
    k === ts.SyntaxKind.EqualsToken ||
    k === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    k === ts.SyntaxKind.BarBarEqualsToken ||
    k === ts.SyntaxKind.PlusEqualsToken
  );
}

/** What a function body returns: an arrow's expression, or every `return`'s expression not inside a nested function or class. */
export function returnedExpressions(body: ts.ConciseBody): ts.Expression[] {
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    if (!ts.isFunctionLike(n) && !ts.isClassLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}
