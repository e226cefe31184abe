import { ts } from '#ts-morph';

/** Members of strings and arrays: reading them says nothing about a value being a record. */
const TEXT_OR_LIST_MEMBERS = new Set([
  'length',
  'at',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'concat',
  'endsWith',
  'includes',
  'indexOf',
  'lastIndexOf',
  'localeCompare',
  'match',
  'matchAll',
  'normalize',
  'padEnd',
  'padStart',
  'repeat',
  'replace',
  'replaceAll',
  'search',
  'slice',
  'split',
  'startsWith',
  'substring',
  'substr',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'toString',
  'trim',
  'trimStart',
  'trimEnd',
  'valueOf',
  'map',
  'filter',
  'forEach',
  'join',
  'some',
  'every',
  'find',
  'findIndex',
  'reduce',
  'flat',
  'flatMap',
  'push',
  'pop',
  'shift',
  'unshift',
  'sort',
  'reverse',
  'keys',
  'values',
  'entries',
  'fill',
]);

/**
 * An untyped name (JavaScript, `any` from a package without its types) whose own members the code
 * reads (`token.type`, `token.name`) holds a record, not a string: a `token` of a route parser is no
 * credential. Looks in the function that declares it; true only for such member reads.
 */
export function usedAsRecord(id: ts.Identifier, checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(id);
  const decl = symbol?.valueDeclaration;
  if (!decl || !(ts.isParameter(decl) || ts.isVariableDeclaration(decl)) || decl.type || !ts.isIdentifier(decl.name)) return false;
  let scope: ts.Node | undefined = decl.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return false;
  const name = decl.name.text;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isPropertyAccessExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === name &&
      !TEXT_OR_LIST_MEMBERS.has(n.name.text)
    ) {
      if (checker.getSymbolAtLocation(n.expression) === symbol) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}
