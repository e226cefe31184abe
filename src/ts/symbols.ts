import { ts } from '#ts-morph';

/** Name of a declaration-ish node, when it has a plain one. */
export function nameOf(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/**
 * The symbol a finding belongs to, e.g. `UserService.register`, `handler`, `User.email`. Stable under
 * line shifts, so it is part of the fingerprint. Falls back to `<module>` at top level.
 */
export function enclosingSymbol(node: ts.Node): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const part = symbolPart(n);
    if (part) parts.unshift(part);
  }
  return parts.length ? parts.join('.') : '<module>';
}

function symbolPart(n: ts.Node): string | undefined {
  if (
    ts.isFunctionDeclaration(n) ||
    ts.isClassDeclaration(n) ||
    ts.isClassExpression(n) ||
    ts.isInterfaceDeclaration(n) ||
    ts.isTypeAliasDeclaration(n) ||
    ts.isEnumDeclaration(n) ||
    ts.isModuleDeclaration(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n) ||
    ts.isPropertyDeclaration(n)
  ) {
    return nameOf(n) ?? (ts.isClassLike(n) ? '<class>' : undefined);
  }
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  if (ts.isVariableDeclaration(n) && n.initializer && isFunctionLike(n.initializer)) return nameOf(n);
  if (ts.isVariableDeclaration(n) && n.initializer && ts.isClassExpression(n.initializer)) return nameOf(n);
  if (ts.isPropertyAssignment(n) && isFunctionLike(n.initializer)) return nameOf(n);
  if (ts.isExportAssignment(n)) return 'default';
  return undefined;
}

function isFunctionLike(n: ts.Node): boolean {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

/** 1-based line/column of a node's start (without leading trivia) and end. */
export function rangeOf(node: ts.Node, sf: ts.SourceFile = node.getSourceFile()) {
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const end = sf.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function lineOf(node: ts.Node, sf: ts.SourceFile = node.getSourceFile()): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}
